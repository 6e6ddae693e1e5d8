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
 * of whitespace become single spaces, ends trimmed.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** {@link oneLine}, cut to at most `maxCharacters` with an ellipsis when longer. */
export function oneLineAtMost(text: string, maxCharacters: number): string {
  const flat = oneLine(text);
  return flat.length <= maxCharacters ? flat : `${flat.slice(0, Math.max(0, maxCharacters - 1))}…`;
}
