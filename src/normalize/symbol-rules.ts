import { labelNumberWords, readMoney, scoreContext } from './number-rules.js';
import { perUnitAt } from './per-unit-rules.js';
import type { RuleContext } from './rule-context.js';
import { CURRENCY_SYMBOLS } from './word-lists.js';

const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '"'],
  ['”', '"'],
  ['„', '"'],
  ['‟', '"'],
  ['«', '"'],
  ['»', '"'],
  ['‹', "'"],
  ['›', "'"],
  ["'", "'"],
  ['‘', "'"],
  ['’', "'"],
  ['‚', "'"],
]);

/** Punctuation kept as it is: it shapes the reading (pauses, questions). */
const KEPT_PUNCTUATION = new Set(['.', ',', ';', ':', '?', '!', '(', ')', '¿', '¡', '。', '、', '，', '？', '！', '：', '；', '؟', '،']);

const SPOKEN_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['&', 'and'],
  ['+', 'plus'],
  ['=', 'equals'],
  ['@', 'at'],
  ['%', 'percent'],
  ['‰', 'per mille'],
  ['§', 'section'],
  ['±', 'plus or minus'],
  ['×', 'times'],
  ['÷', 'divided by'],
  ['°', 'degrees'],
  ['≈', 'about'],
  ['~', 'about'],
  ['≤', 'at most'],
  ['≥', 'at least'],
]);

const VULGAR_FRACTIONS: ReadonlyMap<string, [standalone: string, afterNumber: string]> = new Map([
  ['½', ['one-half', 'a half']],
  ['¼', ['one-quarter', 'a quarter']],
  ['¾', ['three-quarters', 'three-quarters']],
  ['⅓', ['one-third', 'a third']],
  ['⅔', ['two-thirds', 'two-thirds']],
  ['⅛', ['one-eighth', 'an eighth']],
]);

const SEPARATORS = '·•|¦';

const LETTERS_OR_OTHER_SCRIPTS = /[\p{L}\p{N}]/u;
const PUNCTUATION = /\p{P}/u;

/** Currency symbols that may start an amount. */
const CURRENCY_CHARACTERS = [...CURRENCY_SYMBOLS.keys()].join('');

/** Whether the token before the slash at `index` is a word counted by the number before it: "40 words/min". */
function countedJustBefore(context: RuleContext, index: number): boolean {
  return context.isWord(index - 1) && context.isNumber(context.previousIndex(index - 1));
}

function isOpening(context: RuleContext, index: number): boolean {
  const previous = context.at(index - 1);
  return previous === undefined || previous.kind === 'space' || (previous.kind === 'symbol' && '([{"“‘\'=/'.includes(previous.text));
}

/** Hyphen, minus, en dash and em dash. */
function readDash(context: RuleContext, index: number): number {
  const dash = context.text(index);
  const before = context.isWordLike(index - 1);
  const after = context.isWordLike(index + 1);
  if ((dash === '-' || dash === '−' || dash === '–') && context.isSymbol(index + 1, CURRENCY_CHARACTERS) && context.isNumber(index + 2) && isOpening(context, index)) {
    // "-£5": a negative amount.
    context.write('minus');
    return index + 1;
  }
  if ((dash === '-' || dash === '–' || dash === '—') && context.isInlineSpace(index - 1) && context.isNumber(index - 2) && context.isInlineSpace(index + 1) && context.isNumber(index + 2) && !scoreContext(context, index - 2, index + 3)) {
    // "2 - 5 kg": a range written with spaces (a score keeps its pause).
    context.writeWord('to');
    return index + 1;
  }
  if ((dash === '-' || dash === '−' || dash === '–') && context.isNumber(index + 1) && isOpening(context, index)) {
    context.write('minus');
    return index + 1;
  }
  if (dash === '−') {
    context.writeWord('minus');
    return index + 1;
  }
  if (before && after) {
    if (dash === '-' || dash === '‐' || dash === '‑') {
      if (context.isNumber(index + 1) || context.isNumber(index - 1) && !context.isWord(index + 1)) {
        context.writer.space();
      } else {
        context.write('-');
      }
      return index + 1;
    }
    if (dash === '–') {
      context.writeWord('to');
      return index + 1;
    }
  }
  if (context.at(index - 1) === undefined || context.at(index - 1)?.newline === true) {
    context.writer.space();
    return index + 1;
  }
  context.pause();
  return index + 1;
}

/** Symbols: punctuation kept, symbols said as words, emoji and the unsayable dropped. */
export function readSymbol(context: RuleContext, index: number): number {
  const text = context.text(index);
  if (text === '.' && context.isSymbol(index + 1, '.') && context.isSymbol(index + 2, '.')) {
    let end = index + 3;
    while (context.isSymbol(end, '.')) end += 1;
    context.write('...');
    return end;
  }
  if (text === '…') {
    context.write('...');
    return index + 1;
  }
  if (KEPT_PUNCTUATION.has(text)) {
    context.write(text);
    return index + 1;
  }
  const quote = QUOTES.get(text);
  if (quote !== undefined) {
    // The apostrophe of "the '90s" is not said.
    if (quote === "'" && context.isNumber(index + 1, true) && context.text(index + 1).length === 2 && isOpening(context, index)) {
      return index + 1;
    }
    context.write(quote);
    return index + 1;
  }
  if ('-−–—‐‑‒―'.includes(text)) return readDash(context, index);
  if (CURRENCY_CHARACTERS.includes(text)) {
    const amount = context.skipSpace(index + 1);
    const currency = CURRENCY_SYMBOLS.get(text);
    if (currency !== undefined && context.isNumber(amount)) return readMoney(context, amount, currency);
    context.writer.space();
    return index + 1;
  }
  if (text === '#') {
    if (context.isNumber(index + 1) && !context.isWordLike(index + 2)) {
      context.writeWord(`number ${labelNumberWords(context.text(index + 1))}`);
      return index + 2;
    }
    context.writer.space();
    return index + 1;
  }
  if (text === '<' || text === '>') {
    const amount = context.skipSpace(index + 1);
    if (context.isNumber(amount) || context.isSymbol(amount, CURRENCY_CHARACTERS)) {
      context.writeWord(text === '<' ? 'less than' : 'more than');
      return index + 1;
    }
    context.writer.space();
    return index + 1;
  }
  if (text === '/') {
    // "40 words/min", "5 calls/day": a count of something per a unit.
    const per = countedJustBefore(context, index) ? perUnitAt(context, index) : undefined;
    if (per !== undefined) {
      context.writeWord(per.words);
      return per.end;
    }
    context.writer.space();
    return index + 1;
  }
  if (SEPARATORS.includes(text)) {
    // "12 March · 6 min read", "News | Sport": a separator is heard as a pause.
    context.pause();
    return index + 1;
  }
  const fraction = VULGAR_FRACTIONS.get(text);
  if (fraction !== undefined) {
    if (context.isNumber(index - 1)) {
      context.writeWord(`and ${fraction[1]}`);
    } else {
      context.writeWord(fraction[0]);
    }
    return index + 1;
  }
  const spoken = SPOKEN_SYMBOLS.get(text);
  if (spoken !== undefined) {
    context.writeWord(spoken);
    return index + 1;
  }
  if (LETTERS_OR_OTHER_SCRIPTS.test(text)) {
    context.write(text);
    return index + 1;
  }
  return keepPunctuationOrSpace(context, text, index);
}

/** Symbol handling for languages without English rules: keep punctuation, drop what cannot be said. */
export function readSymbolNeutral(context: RuleContext, index: number): number {
  const text = context.text(index);
  if (text === '…') {
    context.write('...');
    return index + 1;
  }
  const quote = QUOTES.get(text);
  if (quote !== undefined) {
    context.write(text === '«' || text === '»' ? text : quote);
    return index + 1;
  }
  if (KEPT_PUNCTUATION.has(text) || LETTERS_OR_OTHER_SCRIPTS.test(text) || CURRENCY_CHARACTERS.includes(text) || '%&+-−–—'.includes(text)) {
    context.write(text);
    return index + 1;
  }
  return keepPunctuationOrSpace(context, text, index);
}

/**
 * The last rule of both: punctuation a voice can pause at is kept (not
 * Markdown's marks or list bullets); anything else (emoji, pictographs, marks
 * left alone, control and format characters) is nothing a voice can say.
 */
function keepPunctuationOrSpace(context: RuleContext, text: string, index: number): number {
  if (PUNCTUATION.test(text) && !'*_\\|[]{}^`'.includes(text) && text !== '·' && text !== '•') context.write(text);
  else context.writer.space();
  return index + 1;
}
