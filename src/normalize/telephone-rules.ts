import { digitByDigit } from './number-words.js';
import { isDigits, type RuleContext } from './rule-context.js';

/** Words before a number that make it a telephone number. */
const TELEPHONE_WORDS = new Set([
  'call', 'calling', 'phone', 'telephone', 'tel', 'fax', 'mobile', 'cell', 'hotline', 'helpline', 'dial', 'text',
  'number', 'contact', 'reach', 'ring', 'whatsapp', 'line', 'freephone', 'tip', 'tips',
]);

/** Digit groups as said on the telephone: each digit, a pause between groups. */
function groupsWords(groups: readonly string[]): string {
  return groups.map((group) => digitByDigit(group)).join(', ');
}

function telephoneContext(context: RuleContext, index: number): boolean {
  return context.wordsBefore(index, 3).some((word) => TELEPHONE_WORDS.has(word));
}

/** Whole digits of exactly `length` characters at `index`. */
function digitsAt(context: RuleContext, index: number, length: number): boolean {
  return context.isNumber(index, true) && context.text(index).length === length;
}

/**
 * A telephone number starting with the number at `index`: "555.123.4567",
 * "555-1234" (seven digits, not a range), "555 123 4567" after a word such as
 * "call". Read digit by digit in its groups: "five five five, one two three,
 * four five six seven". Returns the index after it, or undefined.
 */
export function readTelephone(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  if (/^\d{3}\.\d{3}\.\d{4}$/.test(text) && !context.isWordLike(index + 1)) {
    context.write(groupsWords(text.split('.')));
    return index + 1;
  }
  if (!digitsAt(context, index, 3)) return undefined;
  const phoneWords = telephoneContext(context, index);
  const dialled = ['call', 'dial', 'ring', 'text', 'calling', 'dialled', 'dialed', 'called'].includes(context.wordsBefore(index, 1)[0] ?? '');
  if (dialled && !context.isSymbol(index + 1, '-/') && !context.isWordLike(context.skipSpace(index + 1)) && !context.isNumber(context.skipSpace(index + 1))) {
    // "call 911", "dial 311": a short service number.
    context.write(digitByDigit(text));
    return index + 1;
  }
  if (context.isSymbol(index + 1, '-') && digitsAt(context, index + 2, 4) && !context.isSymbol(index + 3, '-') && !context.isWordLike(index + 3)) {
    // A range such as "500-1000" has round ends; a local number such as "555-1234" does not.
    const second = context.text(index + 2);
    const endsClause = !context.isWordLike(context.skipSpace(index + 3)) && !context.isSymbol(index + 3, '%°');
    if (phoneWords || (endsClause && !text.endsWith('0') && !second.endsWith('00'))) {
      context.write(groupsWords([text, second]));
      return index + 3;
    }
  }
  if (phoneWords && context.isInlineSpace(index + 1) && digitsAt(context, index + 2, 3) && context.isInlineSpace(index + 3) && digitsAt(context, index + 4, 4) && !context.isWordLike(index + 5)) {
    context.write(groupsWords([text, context.text(index + 2), context.text(index + 4)]));
    return index + 5;
  }
  return undefined;
}

/**
 * A telephone number starting with a symbol at `index`: "(555) 123-4567",
 * "+1 555 123 4567", "+44 20 7946 0958". Returns the index after it, or
 * undefined.
 */
export function readTelephoneAfterSymbol(context: RuleContext, index: number): number | undefined {
  if (context.isSymbol(index, '(') && digitsAt(context, index + 1, 3) && context.isSymbol(index + 2, ')')) {
    let position = index + 3;
    if (context.isInlineSpace(position)) position += 1;
    if (digitsAt(context, position, 3) && (context.isSymbol(position + 1, '-') || context.isInlineSpace(position + 1) || context.isSymbol(position + 1, '.')) && digitsAt(context, position + 2, 4) && !context.isWordLike(position + 3)) {
      context.writeWord(groupsWords([context.text(index + 1), context.text(position), context.text(position + 2)]));
      return position + 3;
    }
    return undefined;
  }
  if (!context.isSymbol(index, '+') || !context.isNumber(index + 1, true) || context.text(index + 1).length > 3) return undefined;
  if (context.isNumber(index - 1) || context.isNumber(index - 2)) return undefined;
  const groups: string[] = [];
  let position = index + 1;
  let digits = 0;
  while (context.isNumber(position, true) && isDigits(context.text(position)) && context.text(position).length <= 4) {
    groups.push(context.text(position));
    digits += context.text(position).length;
    const separated = context.isInlineSpace(position + 1) || context.isSymbol(position + 1, '-.');
    if (separated && context.isNumber(position + 2, true)) position += 2;
    else break;
  }
  const end = position + 1;
  if (groups.length < 3 || digits < 8 || digits > 15 || context.isWordLike(end)) return undefined;
  context.writeWord(`plus ${groupsWords(groups)}`);
  return end;
}
