/**
 * Text cut to at most `maxBytes` bytes of UTF-8, at the end of a word,
 * with an ellipsis when cut; returned whole when it fits.
 */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let end = 0;
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += character.length;
  }
  const cut = text.slice(0, end);
  const wordEnd = cut.search(/\s\S*$/);
  const atWordEnd = /\s/.test(text[end] ?? '');
  const words = (atWordEnd || wordEnd <= 0 ? cut : cut.slice(0, wordEnd)).replace(/[\s,;:.–—-]+$/u, '');
  return `${words}${ellipsis}`;
}
