/** Subtags that declare no language of their own: undetermined, several, no linguistic content. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

let languageNames: Intl.DisplayNames | undefined;

/**
 * The two-letter language subtags ICU names, as `Intl.DisplayNames` answers
 * for them (a test holds the two equal): most tags are checked here, without
 * loading ICU's language names (30 ms, a tenth of reading an article).
 */
const KNOWN_TWO_LETTER = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg ' +
    'li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg ' +
    'sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** True when ICU names the language subtag `base`. */
export function isKnownLanguage(base: string): boolean {
  if (KNOWN_TWO_LETTER.has(base)) return true;
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return languageNames.of(base) !== undefined;
}

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
  return isKnownLanguage(base) ? canonical : undefined;
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
