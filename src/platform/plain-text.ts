/** Characters that only break words: zero-width space, soft hyphen, a stray byte order mark. */
const INVISIBLE = /[\u200B\u00AD\uFEFF]/g;

/**
 * Text as one clean run: invisible characters that break words for a
 * speech engine or a comparison dropped, runs of whitespace (line breaks
 * and no-break spaces included) made one space, ends trimmed.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Text on one line, for a message, a tag or a caption: line breaks and runs
 * of whitespace become single spaces, ends trimmed. With `maxCharacters`,
 * longer text is cut and ends with an ellipsis.
 */
export function oneLine(text: string, maxCharacters?: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (maxCharacters === undefined || flat.length <= maxCharacters) return flat;
  return `${flat.slice(0, Math.max(0, maxCharacters - 1))}…`;
}
