/** A dateline removed from the start of a paragraph. */
export interface Dateline {
  /** The paragraph without its dateline. */
  text: string;
  /** The dateline as written: "SEOUL (AFP) –". */
  dateline: string;
  /** The agency tag, when there is one: "AFP". */
  agency?: string;
}

const PLACE = "\\p{Lu}[\\p{Lu}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]*){0,3}";
const DATELINE = new RegExp(
  `^(${PLACE})(,\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} .'’]{0,40}?)?\\s*(?:\\((\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} .&/-]{0,29})\\))?\\s*[-–—]{1,2}\\s+(?=\\S)`,
  'u',
);

/**
 * Removes a wire dateline from the start of a paragraph: "SEOUL (AFP) – …",
 * "ROTTERDAM (NWS) - …", "MANCHESTER, England (AGENCY) — …", "WASHINGTON —".
 * The whole prefix goes, place and agency tag alike, so the paragraph starts
 * with its first word of news.
 */
export function stripDateline(text: string): Dateline | undefined {
  const match = DATELINE.exec(text.slice(0, 160));
  if (!match) return undefined;
  const place = match[1]!;
  if (!/\p{Lu}{2,}/u.test(place.replace(/[.'’-]/gu, ''))) return undefined;
  const rest = text.slice(match[0].length);
  if (!/^["“‘'«(]?[\p{Lu}\p{N}]/u.test(rest)) return undefined;
  const dateline: Dateline = { text: rest, dateline: match[0].trim() };
  if (match[3] !== undefined) dateline.agency = match[3].trim();
  return dateline;
}
