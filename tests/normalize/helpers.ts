import { normalizeText, piecesToText, type NormalizeOptions } from '../../src/normalize/index.js';

/** The spoken string for `text`, whitespace collapsed (English unless told). */
export function say(text: string, options: Partial<NormalizeOptions> = {}): string {
  return piecesToText(normalizeText(text, { language: 'en', ...options }));
}
