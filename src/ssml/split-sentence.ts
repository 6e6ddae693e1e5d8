import type { SpeechPiece } from '../normalize/speech-block.js';
import type { PlanSentence, PlanSpan } from './speech-plan.js';

interface Token {
  span: number;
  piece: SpeechPiece;
  /** True when a clause ends after this token (comma, semicolon, colon, dash). */
  clauseEnd: boolean;
}

function tokenize(sentence: PlanSentence): Token[] {
  const tokens: Token[] = [];
  sentence.spans.forEach((span, spanIndex) => {
    for (const piece of span.pieces) {
      if (piece.written !== undefined) {
        tokens.push({ span: spanIndex, piece, clauseEnd: false });
        continue;
      }
      for (const word of piece.text.match(/\S+\s*|\s+/g) ?? []) {
        tokens.push({ span: spanIndex, piece: { text: word }, clauseEnd: /[,;:\u2013\u2014]\s*$/.test(word) });
      }
    }
  });
  return tokens;
}

function assemble(sentence: PlanSentence, tokens: readonly Token[]): PlanSentence {
  const spans: PlanSpan[] = [];
  let current: PlanSpan | undefined;
  let currentIndex = -1;
  for (const token of tokens) {
    if (token.span !== currentIndex) {
      const source = sentence.spans[token.span]!;
      current = { pieces: [], ...(source.quote ? { quote: source.quote } : {}) };
      spans.push(current);
      currentIndex = token.span;
    }
    const last = current!.pieces.at(-1);
    if (last && last.written === undefined && token.piece.written === undefined) {
      current!.pieces[current!.pieces.length - 1] = { text: last.text + token.piece.text };
    } else {
      current!.pieces.push(token.piece);
    }
  }
  return { index: sentence.index, spans };
}

/**
 * Splits a sentence that is too long for one request into parts that fit,
 * at a clause boundary where there is one, else between words. No word is
 * dropped, none is cut. Returns `undefined` when a single word cannot fit.
 */
export function splitSentence(sentence: PlanSentence, fits: (part: PlanSentence) => boolean): PlanSentence[] | undefined {
  const tokens = tokenize(sentence);
  const parts: PlanSentence[] = [];
  let start = 0;
  while (start < tokens.length) {
    // Largest end with tokens[start, end) fitting; fitting shrinks as end grows.
    let low = start;
    let high = tokens.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(assemble(sentence, tokens.slice(start, middle)))) low = middle;
      else high = middle - 1;
    }
    if (low === start) {
      if (tokens[start]!.piece.text.trim() === '') {
        start += 1;
        continue;
      }
      return undefined;
    }
    let end = low;
    if (end < tokens.length) {
      const floor = start + Math.max(1, Math.floor((end - start) / 3));
      for (let candidate = end; candidate > floor; candidate -= 1) {
        if (tokens[candidate - 1]!.clauseEnd) {
          end = candidate;
          break;
        }
      }
    }
    parts.push(assemble(sentence, tokens.slice(start, end)));
    start = end;
  }
  return parts;
}
