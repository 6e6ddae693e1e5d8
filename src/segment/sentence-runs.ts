import type { Sentence, TextRun } from './narration-block.js';
import type { QuoteSpan } from './quote-spans.js';
import type { TextRange } from './split-sentences.js';

/** A quote span with the speaker assigned to it. */
export interface SpokenQuote extends QuoteSpan {
  speaker?: string;
}

/**
 * Builds the sentences of a block: each sentence's runs are its plain text
 * and its quoted speech, in order. Quotation marks stay in the plain runs,
 * so the runs of a sentence always join to its text.
 */
export function buildSentences(text: string, ranges: TextRange[], quotes: SpokenQuote[]): Sentence[] {
  return ranges.map((range) => ({ text: text.slice(range.start, range.end), runs: runsOf(text, range, quotes) }));
}

function runsOf(text: string, range: TextRange, quotes: SpokenQuote[]): TextRun[] {
  const runs: TextRun[] = [];
  let position = range.start;
  for (const quote of quotes) {
    const start = Math.max(quote.start, range.start);
    const end = Math.min(quote.end, range.end);
    if (end <= start || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) continue;
    if (start > position) runs.push({ text: text.slice(position, start) });
    const run: TextRun = { text: text.slice(start, end), quote: true };
    if (quote.speaker !== undefined) run.speaker = quote.speaker;
    runs.push(run);
    position = end;
  }
  if (position < range.end) runs.push({ text: text.slice(position, range.end) });
  return runs;
}
