import type { SpeechBlock, SpeechPiece } from '../normalize/speech-block.js';

/** SSML emphasis levels (W3C SSML 1.1). */
export type EmphasisLevel = 'none' | 'reduced' | 'moderate' | 'strong';

/** How quoted speech is voiced. */
export interface QuoteStyle {
  /** Emphasis on quoted spans; `none` reads them like the rest. */
  emphasis: EmphasisLevel;
  /** Say "quote" before and "end quote" after each quoted span. */
  cues: boolean;
  /** A second voice for quoted spans, when set. */
  voice?: string;
}

/** The default quote style: moderate emphasis, no cues, the main voice. */
export const DEFAULT_QUOTE_STYLE: QuoteStyle = { emphasis: 'moderate', cues: false };

/** A stretch of speech with one style. */
export interface PlanSpan {
  pieces: SpeechPiece[];
  /** Present when the span is quoted speech. */
  quote?: { speaker?: string };
}

/** A sentence (or, after splitting, part of one) as styled spans. */
export interface PlanSentence {
  /** Index of the sentence in its block. */
  index: number;
  spans: PlanSpan[];
}

/** Turns a normalized block's sentences into styled spans, adding quote cues when asked. */
export function planSentences(block: SpeechBlock, style: QuoteStyle): PlanSentence[] {
  return block.sentences.map((sentence, index) => {
    const spans: PlanSpan[] = [];
    sentence.runs.forEach((run, runIndex) => {
      // Runs of bare punctuation (the quotation marks around quoted speech) have nothing to say.
      if (run.speech.every((piece) => !/[\p{L}\p{N}]/u.test(piece.text))) return;
      if (run.quote) {
        const pieces = style.cues ? [{ text: 'quote, ' }, ...run.speech, { text: ', end quote' }] : run.speech;
        spans.push({ pieces, quote: run.speaker ? { speaker: run.speaker } : {} });
      } else {
        // The marks that open or close a quoted span sit in the runs beside it; the span itself says it is a quote.
        const afterQuote = sentence.runs[runIndex - 1]?.quote === true;
        const beforeQuote = sentence.runs[runIndex + 1]?.quote === true;
        spans.push({ pieces: withoutQuoteMarksAtEdges(run.speech, afterQuote, beforeQuote) });
      }
    });
    return { index, spans };
  });
}

const LEADING_QUOTE_MARKS = /^(\s*["“”„‟«»‹›‘’‚‛「」『』'])+/u;
const TRAILING_QUOTE_MARKS = /(["“”„‟«»‹›‘’‚‛「」『』']\s*)+$/u;

/** `pieces` without the quotation marks at their start (`start`) and end (`end`); lexicon pieces are left whole. */
function withoutQuoteMarksAtEdges(pieces: readonly SpeechPiece[], start: boolean, end: boolean): SpeechPiece[] {
  const result = pieces.map((piece) => ({ ...piece }));
  if (start) {
    for (const piece of result) {
      if (piece.written !== undefined) break;
      piece.text = piece.text.replace(LEADING_QUOTE_MARKS, ' ');
      if (piece.text.trim() !== '') break;
    }
  }
  if (end) {
    for (const piece of [...result].reverse()) {
      if (piece.written !== undefined) break;
      piece.text = piece.text.replace(TRAILING_QUOTE_MARKS, ' ');
      if (piece.text.trim() !== '') break;
    }
  }
  return result.filter((piece) => piece.text !== '');
}

/** The spoken words of spans, whitespace collapsed. */
export function spanText(spans: readonly PlanSpan[]): string {
  return spans
    .flatMap((span) => span.pieces.map((piece) => piece.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
