/**
 * Normalizes a stretch of display text: drops invisible characters that only
 * break words for a speech engine (zero-width space, soft hyphen, stray byte
 * order marks), collapses runs of whitespace to one space, and trims.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B\u00AD\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
