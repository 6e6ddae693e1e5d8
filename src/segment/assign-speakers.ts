import { findAttributions, QUOTE_MASK } from './attribution.js';
import { sentenceSubject } from './name-phrases.js';
import { findQuoteSpans } from './quote-spans.js';
import type { SpokenQuote } from './sentence-runs.js';
import { SpeakerContext } from './speaker-context.js';
import { sentenceRanges, type TextRange } from './split-sentences.js';

/** A block's sentences and its quoted speech with speakers. */
export interface QuotedText {
  ranges: TextRange[];
  quotes: SpokenQuote[];
}

/** The text of one block, and whether it takes part in quote inheritance. */
export interface QuoteInput {
  text: string;
  /** Paragraphs and block quotes carry quotes on to the next block; titles and headings do not. */
  flowing: boolean;
}

/**
 * Finds the sentences and quoted speech of a story's blocks, in reading
 * order, and who said each quote: the attribution in the same sentence,
 * else the nearest one in the paragraph; a paragraph that opens with an
 * unattributed quote right after an attributed one inherits its speaker,
 * and a quote continued across paragraphs keeps one speaker.
 */
export function assignSpeakers(blocks: QuoteInput[]): QuotedText[] {
  const context = new SpeakerContext();
  const results: QuotedText[] = [];
  let previous: { quotes: SpokenQuote[]; flowing: boolean } | undefined;
  for (const block of blocks) {
    const ranges = sentenceRanges(block.text);
    const spans = findQuoteSpans(block.text);
    const attributions = resolveInOrder(mask(block.text, spans), ranges, context);
    const quotes: SpokenQuote[] = spans.map((span) => {
      const quote: SpokenQuote = { ...span };
      const attribution = chooseAttribution(span, attributions, ranges);
      if (attribution !== undefined) {
        if (attribution.speaker !== undefined) quote.speaker = attribution.speaker;
      } else if (block.flowing && opensBlock(block.text, span) && previous?.flowing) {
        const carried = inheritedSpeaker(previous.quotes);
        if (carried !== undefined) quote.speaker = carried;
      }
      return quote;
    });
    if (block.flowing && previous?.flowing) continueAcrossParagraphs(previous.quotes, quotes, block.text);
    results.push({ ranges, quotes });
    previous = { quotes, flowing: block.flowing };
  }
  return results;
}

/** Resolves attributions and sentence-opening people in text order, so pronouns see the people before them. */
function resolveInOrder(masked: string, ranges: TextRange[], context: SpeakerContext): ResolvedAttribution[] {
  const attributions = findAttributions(masked);
  const resolved: ResolvedAttribution[] = [];
  let next = 0;
  for (const range of ranges) {
    while (next < attributions.length && attributions[next]!.index < range.start) {
      const attribution = attributions[next++]!;
      resolved.push({ index: attribution.index, speaker: context.resolve(attribution.phrase) });
    }
    const subject = sentenceSubject(masked.slice(range.start, range.end));
    if (subject !== undefined) context.mention(subject);
  }
  while (next < attributions.length) {
    const attribution = attributions[next++]!;
    resolved.push({ index: attribution.index, speaker: context.resolve(attribution.phrase) });
  }
  return resolved;
}

function mask(text: string, spans: readonly { markStart: number; markEnd: number }[]): string {
  let masked = '';
  let position = 0;
  for (const span of spans) {
    masked += text.slice(position, span.markStart) + QUOTE_MASK.repeat(span.markEnd - span.markStart);
    position = span.markEnd;
  }
  return masked + text.slice(position);
}

function opensBlock(text: string, span: SpokenQuote): boolean {
  return text.slice(0, span.markStart).trim() === '';
}

/** The speaker of the previous paragraph's last quote, when it had one. */
function inheritedSpeaker(quotes: SpokenQuote[]): string | undefined {
  return quotes[quotes.length - 1]?.speaker;
}

/** A paragraph that leaves its quote open, followed by one that opens with a quote: one speaker for both. */
function continueAcrossParagraphs(previous: SpokenQuote[], current: SpokenQuote[], text: string): void {
  const open = previous[previous.length - 1];
  const next = current[0];
  if (!open || open.closed || !next || !opensBlock(text, next)) return;
  if (next.speaker === undefined && open.speaker !== undefined) next.speaker = open.speaker;
  if (open.speaker === undefined && next.speaker !== undefined) open.speaker = next.speaker;
}

interface ResolvedAttribution {
  index: number;
  speaker: string | undefined;
}

function chooseAttribution(
  span: SpokenQuote,
  attributions: ResolvedAttribution[],
  ranges: TextRange[],
): ResolvedAttribution | undefined {
  if (attributions.length === 0) return undefined;
  const firstSentence = ranges[rangeIndexAt(ranges, span.start)];
  const lastSentence = ranges[rangeIndexAt(ranges, Math.max(span.start, span.end - 1))];
  const after = firstIndexAtOrAfter(attributions, span.markEnd);
  const before = after - 1 >= 0 && attributions[after - 1]!.index < span.markStart ? attributions[after - 1] : undefined;
  const next = attributions[after];
  const windowStart = firstSentence?.start ?? 0;
  const windowEnd = lastSentence?.end ?? Infinity;
  const beforeInSentence = before !== undefined && before.index >= windowStart ? before : undefined;
  const nextInSentence = next !== undefined && next.index < windowEnd ? next : undefined;
  if (beforeInSentence && nextInSentence) {
    return span.markStart - beforeInSentence.index <= nextInSentence.index - span.markEnd ? beforeInSentence : nextInSentence;
  }
  return beforeInSentence ?? nextInSentence ?? before ?? next;
}

/** Index of the first attribution at or after `position` (attributions are in text order). */
function firstIndexAtOrAfter(attributions: ResolvedAttribution[], position: number): number {
  let low = 0;
  let high = attributions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (attributions[middle]!.index < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the sentence range containing `position`, or the nearest one before it. */
function rangeIndexAt(ranges: TextRange[], position: number): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.start <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
