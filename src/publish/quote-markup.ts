import type { ManifestQuote } from './manifest.js';
import { escapeHtml } from '../platform/markup-escape.js';
import { oneLine } from '../platform/plain-text.js';

/**
 * A `<q>` for quoted speech; its speaker, when known and not already named
 * in the paragraph (`blockText`), follows in a `<cite>`.
 */
export function quoteHtml(text: string, speaker: string | undefined, blockText: string): string {
  const name = speaker ? oneLine(speaker) : '';
  const attribute = name ? ` data-speaker="${escapeHtml(name)}"` : '';
  const credit = name && !blockText.toLowerCase().includes(name.toLowerCase()) ? ` <cite class="speaker">(${escapeHtml(name)})</cite>` : '';
  return `<q${attribute}>${escapeHtml(text)}</q>${credit}`;
}

/**
 * Escaped text with each quote of `unused` found in it wrapped as
 * {@link quoteHtml}; the quotes found are removed from `unused`, so a block's
 * sentences can be marked one after another.
 */
export function withQuotes(text: string, unused: ManifestQuote[], blockText: string): string {
  let html = '';
  let position = 0;
  for (let index = 0; index < unused.length; ) {
    const quote = unused[index]!;
    const quoted = oneLine(quote.text);
    const at = text.indexOf(quoted, position);
    if (at < 0) {
      index += 1;
      continue;
    }
    html += escapeHtml(text.slice(position, at)) + quoteHtml(quoted, quote.speaker, blockText);
    position = at + quoted.length;
    unused.splice(index, 1);
  }
  return html + escapeHtml(text.slice(position));
}
