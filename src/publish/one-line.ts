/** Text on one line: line breaks and runs of whitespace become single spaces, ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
