/**
 * A language declared by a feed in canonical BCP 47 form ('en-gb' gives
 * 'en-GB'); undefined when it is missing or not a language tag.
 */
export function canonicalLanguage(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}
