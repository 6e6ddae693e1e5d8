import type { AcronymReading } from './acronyms.js';
import type { DateOrder } from './date-order.js';
import type { SpeechWriter } from './speech-writer.js';
import type { Token } from './tokenize.js';
import { SENTENCE_STARTERS } from './word-lists.js';

/** Settings the English rules read. */
export interface RuleSettings {
  /** American conventions ("April twenty-fourth, twenty twenty-six", "two thousand five", M/D/Y). */
  american: boolean;
  /** User overrides for acronyms. */
  acronyms: Readonly<Record<string, AcronymReading>>;
  /** Order of day and month in numeric dates such as 10/06/2005. */
  dateOrder: DateOrder;
}

const OPENERS = new Set(['"', '“', '‘', '„', '«', '‹', '(', '[', "'"]);
const SOFT_PUNCTUATION = new Set([',', '"', '“', '”', '‘', '’', "'", '(', ')', '-', '–', '—', ':', ';', '«', '»']);
const SENTENCE_ENDERS = new Set(['.', '!', '?', '…']);

/** True for a capitalised word: "Peter", "NATO", "Łódź". */
export function isCapitalized(text: string): boolean {
  const first = text[0];
  if (first === undefined) return false;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** True for a word of two or more letters, all capitals ("NATO", "SLOWER", "UK'S"). */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  for (const character of text) {
    if (character === "'") continue;
    if (character !== character.toUpperCase()) return false;
    if (character !== character.toLowerCase()) letters += 1;
  }
  return letters >= 2;
}

/**
 * The tokens of one stretch of text with the helpers every rule needs:
 * looking around a token, and writing speech.
 */
export class RuleContext {
  constructor(
    readonly tokens: readonly Token[],
    readonly writer: SpeechWriter,
    readonly settings: RuleSettings,
  ) {}

  /** The token at `index`, if any. */
  at(index: number): Token | undefined {
    return index >= 0 ? this.tokens[index] : undefined;
  }

  /** Text of the token at `index`, or '' beyond the ends. */
  text(index: number): string {
    return this.at(index)?.text ?? '';
  }

  /** True when the token at `index` is a symbol among `characters`. */
  isSymbol(index: number, characters: string): boolean {
    const token = this.at(index);
    return token !== undefined && token.kind === 'symbol' && characters.includes(token.text);
  }

  /** True when the token at `index` is a word (optionally exactly `text`). */
  isWord(index: number, text?: string): boolean {
    const token = this.at(index);
    return token !== undefined && token.kind === 'word' && (text === undefined || token.text === text);
  }

  /** True when the token at `index` is a number (optionally of whole digits only). */
  isNumber(index: number, wholeOnly = false): boolean {
    const token = this.at(index);
    return token !== undefined && token.kind === 'number' && (!wholeOnly || isDigits(token.text));
  }

  /** True for white space within a line. */
  isInlineSpace(index: number): boolean {
    const token = this.at(index);
    return token !== undefined && token.kind === 'space' && token.newline !== true;
  }

  /** True for a word, number, dotted abbreviation or lexicon hit. */
  isWordLike(index: number): boolean {
    const kind = this.at(index)?.kind;
    return kind === 'word' || kind === 'number' || kind === 'dotted' || kind === 'lexicon';
  }

  /** `index`, or the index after it when it is a space within the line. */
  skipSpace(index: number): number {
    return this.isInlineSpace(index) ? index + 1 : index;
  }

  /** Index of the token before `index`, stepping over one space within the line. */
  previousIndex(index: number): number {
    return this.isInlineSpace(index - 1) ? index - 2 : index - 1;
  }

  /** Nearest word (or lexicon hit) before `index` within the sentence, stepping over soft punctuation. */
  previousWordIndex(index: number, maxSteps = 4): number {
    return this.nearestWordIndex(index, -1, maxSteps);
  }

  /** Nearest word (or lexicon hit) after `index` within the sentence, stepping over soft punctuation. */
  nextWordIndex(index: number, maxSteps = 4): number {
    return this.nearestWordIndex(index, 1, maxSteps);
  }

  private nearestWordIndex(index: number, direction: -1 | 1, maxSteps: number): number {
    for (let position = index + direction, steps = 0; position >= 0 && position < this.tokens.length && steps < maxSteps; position += direction) {
      const token = this.tokens[position]!;
      if (token.kind === 'space') {
        if (token.newline === true) return -1;
        continue;
      }
      if (token.kind === 'word' || token.kind === 'lexicon' || token.kind === 'dotted') return position;
      if (token.kind === 'symbol' && SOFT_PUNCTUATION.has(token.text)) {
        steps += 1;
        continue;
      }
      return -1;
    }
    return -1;
  }

  /** Lower-cased words before `index`, nearest first, at most `count`, within the sentence. */
  wordsBefore(index: number, count: number): string[] {
    const words: string[] = [];
    let position = index;
    while (words.length < count) {
      position = this.previousWordIndex(position, 2);
      if (position < 0) break;
      words.push(this.text(position).toLowerCase());
    }
    return words;
  }

  /** True when the token at `index` starts a sentence (nothing but openers and space before it since a sentence end). */
  isSentenceStart(index: number): boolean {
    for (let position = index - 1; position >= 0; position -= 1) {
      const token = this.tokens[position]!;
      if (token.kind === 'space') {
        if (token.newline === true) return true;
        continue;
      }
      if (token.kind === 'symbol' && OPENERS.has(token.text)) continue;
      return token.kind === 'symbol' && SENTENCE_ENDERS.has(token.text);
    }
    return true;
  }

  /**
   * Whether a full stop just before `index` (the token after an abbreviation's
   * stop) also ends the sentence: at the end of the text or a line, or before
   * a word that usually starts a sentence.
   */
  stopEndsSentence(index: number): boolean {
    let position = index;
    while (this.isSymbol(position, '"”’\')»')) position += 1;
    const token = this.at(position);
    if (token === undefined) return true;
    if (token.kind !== 'space') return false;
    if (token.newline === true) return true;
    const next = this.at(position + 1);
    if (next === undefined) return true;
    if (next.kind === 'symbol' && OPENERS.has(next.text)) return isCapitalized(this.text(position + 2));
    return next.kind === 'word' && SENTENCE_STARTERS.has(next.text);
  }

  /** Writes spoken text. */
  write(text: string): void {
    this.writer.write(text);
  }

  /** Writes words as a separate word: spaces on both sides. */
  writeWord(text: string): void {
    this.writer.space();
    this.writer.write(text);
    this.writer.space();
  }

  /** A pause: a comma, unless punctuation already ends the speech so far. */
  pause(): void {
    const last = this.writer.last;
    if (last === '' || ',.;:?!('.includes(last)) {
      this.writer.space();
      return;
    }
    this.writer.attach(',');
    this.writer.space();
  }

  /** Writes a full stop when the abbreviation's stop (just before `index`) ends the sentence. */
  keepSentenceStop(index: number): void {
    if (this.stopEndsSentence(index)) this.writer.attach('.');
  }
}

/** True when `text` is made of ASCII digits only. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
