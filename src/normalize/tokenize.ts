import type { LexiconEntry } from './lexicon.js';
import { matchWebAddress } from './web-address-match.js';

/** What a token is. */
export type TokenKind =
  /** Letters of any script, with inner apostrophes: "It's", "o'clock", "Łódź". */
  | 'word'
  /** ASCII digits with inner `,` or `.` separators: "1,200", "6.2". */
  | 'number'
  /** Single letters each followed by a full stop: "U.S.", "e.g.", "a.m.". */
  | 'dotted'
  /** A run of white space. */
  | 'space'
  /** Any other single character (one code point). */
  | 'symbol'
  /** A stretch matched by the pronunciation lexicon. */
  | 'lexicon'
  /** A web address or an e-mail address: "https://example.com/news", "jane@example.com". */
  | 'web';

/** One token of the text to normalize. */
export interface Token {
  kind: TokenKind;
  /** The token as written (apostrophes folded to `'` in words). */
  text: string;
  /** For space tokens: true when the run contains a line break. */
  newline?: boolean;
  /** For lexicon tokens: the entry that matched. */
  entry?: LexiconEntry;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['\u2019]\p{L}[\p{L}\p{M}]*)*/uy;
const DOTTED = /\p{L}\.(?:\p{L}\.)+(?![\p{L}\p{N}])/uy;
const NUMBER = /\d+(?:[.,]\d+)*/y;
/** A decimal written without its leading zero: ".45", "$.01". */
const BARE_DECIMAL = /\.\d+(?![.,]?\d)/y;
/** "p.m." glued to what follows it ("1:59 p.m.est"), which DOTTED does not take. */
const GLUED_AM_PM = /[aApP]\.[mM]\.(?=\p{L})/uy;
const SPACE = /\s+/y;

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  return match === null ? undefined : match[0];
}

/**
 * Splits text into tokens. Every pattern is a single pass without nested
 * ambiguity, so the work is linear in the length of the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    let matched: string | undefined;
    const boundary = position === 0 || !isWordCharacter(text.charCodeAt(position - 1));
    if (code >= 48 && code <= 57) {
      matched = matchAt(NUMBER, text, position)!;
      tokens.push({ kind: 'number', text: matched });
    } else if (boundary && (matched = matchWebAddress(text, position)) !== undefined) {
      tokens.push({ kind: 'web', text: matched });
    } else if (code === 46 && boundary && (position === 0 || !isDigitOrPoint(text.charCodeAt(position - 1))) && (matched = matchAt(BARE_DECIMAL, text, position)) !== undefined) {
      tokens.push({ kind: 'number', text: matched });
    } else if ((matched = matchAt(GLUED_AM_PM, text, position)) !== undefined) {
      tokens.push({ kind: 'dotted', text: matched });
    } else if ((matched = matchAt(SPACE, text, position)) !== undefined) {
      tokens.push({ kind: 'space', text: matched, newline: /[\n\r\u2028\u2029]/.test(matched) });
    } else if ((matched = matchAt(DOTTED, text, position)) !== undefined) {
      tokens.push({ kind: 'dotted', text: matched });
    } else if ((matched = matchAt(WORD, text, position)) !== undefined) {
      tokens.push({ kind: 'word', text: matched.includes('\u2019') ? matched.replaceAll('\u2019', "'") : matched });
    } else {
      const point = text.codePointAt(position)!;
      matched = String.fromCodePoint(point);
      tokens.push({ kind: 'symbol', text: matched });
    }
    position += matched.length;
  }
  return tokens;
}

/** Spaces that separate groups of thousands in print ("25 000", "1 000 000"): no-break, narrow no-break and thin spaces. */
const GROUP_SPACES = new Set(['\u00a0', '\u202f', '\u2009']);

/**
 * Joins numbers written with spaces between groups of three digits into one
 * number ("25 000" → "25,000"). A plain space joins only before a group
 * starting with 0 ("1 000"), which cannot be a number of its own; the spaces
 * print uses for grouping always join.
 */
export function joinSpacedThousands(tokens: Token[]): Token[] {
  const result: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const last = result[result.length - 1];
    const group = tokens[index + 1];
    const groupAfter = tokens[index + 2];
    if (
      token.kind === 'space' && last?.kind === 'number' && group?.kind === 'number' && /^\d{3}$/.test(group.text) &&
      (GROUP_SPACES.has(token.text) || (token.text === ' ' && group.text.startsWith('0'))) &&
      /^\d{1,3}(?:,\d{3})*$/.test(last.text) && (last.text.includes(',') || !isGroupedBefore(result)) &&
      (groupAfter === undefined || (groupAfter.kind !== 'number' && groupAfter.kind !== 'word'))
    ) {
      last.text = `${last.text},${group.text}`;
      index += 1;
      continue;
    }
    result.push(token);
  }
  return result;
}

/** True when the number before the last result token is itself followed by a space: "3 450 000" is taken from its start only. */
function isGroupedBefore(result: readonly Token[]): boolean {
  const beforeLast = result[result.length - 2];
  return beforeLast?.kind === 'space' && result[result.length - 3]?.kind === 'number';
}

/**
 * Cuts a long text into pieces of about `size` characters, at a line break,
 * a sentence end or a space where it can, so that each piece is normalized
 * on its own without losing or splitting a word.
 */
export function chunkText(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    let cut = lastLineBreak(text, start + size / 2, limit);
    if (cut <= start) cut = lastSentenceEnd(text, start + size / 2, limit);
    if (cut <= start) cut = lastSpace(text, start + size / 2, limit);
    if (cut <= start) {
      cut = limit;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      while (cut > start + size / 2 && isWordCharacter(text.charCodeAt(cut - 1))) cut -= 1;
      if (cut <= start + size / 2) cut = limit;
    } else {
      cut += 1;
    }
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}

function isDigitOrPoint(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 || code === 44;
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

function lastLineBreak(text: string, from: number, limit: number): number {
  for (let index = limit; index > from; index -= 1) if (text.charCodeAt(index) === 10) return index;
  return -1;
}

function lastSentenceEnd(text: string, from: number, limit: number): number {
  for (let index = limit; index > from; index -= 1) {
    const code = text.charCodeAt(index);
    if ((code === 32 || code === 10) && (text[index - 1] === '.' || text[index - 1] === '?' || text[index - 1] === '!')) {
      return index;
    }
  }
  return -1;
}

function lastSpace(text: string, from: number, limit: number): number {
  for (let index = limit; index > from; index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10) return index;
  }
  return -1;
}
