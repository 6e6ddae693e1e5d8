/** Subtags that declare no language of their own: undetermined, several, no linguistic content. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

let languageNames: Intl.DisplayNames | undefined;

/**
 * A language tag in canonical BCP 47 form: `pt_BR` gives `pt-BR`, `EN-us`
 * gives `en-US`, `iw` gives `he`. Undefined when the tag is missing,
 * malformed (`xx!!`), names no known language (`garbage`, `xx`), or declares
 * none (`und`).
 */
export function canonicalLanguage(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
  if (canonical === undefined) return undefined;
  const base = baseLanguage(canonical);
  if (NO_LANGUAGE.has(base)) return undefined;
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return languageNames.of(base) === undefined ? undefined : canonical;
}

/** The primary language subtag of a canonical tag: `en` of `en-GB`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The English name of a canonical tag's language ("Portuguese"), or the tag itself. */
export function languageName(tag: string): string {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(baseLanguage(tag)) ?? tag;
  } catch {
    return tag;
  }
}
