import { digitByDigit, houseNumberWords, ordinalWords, plainIntegerWords } from './number-words.js';
import { isCapitalized, isDigits, type RuleContext } from './rule-context.js';
import { readWord } from './word-rules.js';
import { US_STATES } from './word-lists.js';

/** Street types, abbreviated and in full, by their lower-case written form. */
const STREET_TYPES: ReadonlyMap<string, string> = new Map([
  ['st', 'Street'], ['street', 'Street'], ['ave', 'Avenue'], ['av', 'Avenue'], ['avenue', 'Avenue'],
  ['blvd', 'Boulevard'], ['boulevard', 'Boulevard'], ['rd', 'Road'], ['road', 'Road'], ['dr', 'Drive'], ['drive', 'Drive'],
  ['ln', 'Lane'], ['lane', 'Lane'], ['ct', 'Court'], ['court', 'Court'], ['pl', 'Place'], ['place', 'Place'],
  ['pkwy', 'Parkway'], ['parkway', 'Parkway'], ['hwy', 'Highway'], ['highway', 'Highway'], ['expy', 'Expressway'],
  ['expressway', 'Expressway'], ['fwy', 'Freeway'], ['freeway', 'Freeway'], ['ter', 'Terrace'], ['terrace', 'Terrace'],
  ['cir', 'Circle'], ['circle', 'Circle'], ['sq', 'Square'], ['square', 'Square'], ['trl', 'Trail'], ['trail', 'Trail'],
  ['plz', 'Plaza'], ['plaza', 'Plaza'], ['way', 'Way'], ['aly', 'Alley'], ['alley', 'Alley'], ['tpke', 'Turnpike'],
  ['turnpike', 'Turnpike'], ['cres', 'Crescent'], ['crescent', 'Crescent'], ['ctr', 'Center'], ['hts', 'Heights'],
  ['loop', 'Loop'], ['pike', 'Pike'], ['row', 'Row'], ['walk', 'Walk'], ['path', 'Path'], ['run', 'Run'], ['close', 'Close'],
  ['mews', 'Mews'], ['grove', 'Grove'], ['gardens', 'Gardens'], ['xing', 'Crossing'], ['crossing', 'Crossing'],
  ['cv', 'Cove'], ['cove', 'Cove'], ['bnd', 'Bend'], ['bend', 'Bend'], ['rdg', 'Ridge'], ['ridge', 'Ridge'],
  ['ests', 'Estates'], ['estates', 'Estates'], ['mall', 'Mall'], ['commons', 'Commons'], ['landing', 'Landing'],
]);

/** Unit designators after a street: "Apt 4", "Ste. 300", "Unit 12". */
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['apt', 'apartment'], ['apartment', 'apartment'], ['ste', 'suite'], ['suite', 'suite'], ['unit', 'unit'],
  ['fl', 'floor'], ['floor', 'floor'], ['rm', 'room'], ['room', 'room'], ['bldg', 'building'], ['building', 'building'],
]);

/** Compass points written before or after a street name. */
const COMPASS: ReadonlyMap<string, string> = new Map([
  ['N', 'North'], ['S', 'South'], ['E', 'East'], ['W', 'West'],
  ['NE', 'Northeast'], ['NW', 'Northwest'], ['SE', 'Southeast'], ['SW', 'Southwest'],
]);

/** State codes that are also words or titles after a name ("Jane Roe, MD", "IN", "OR"): read as states only before a ZIP code or inside an address. */
const STATE_CODES_NEEDING_ZIP = new Set(['MD', 'PA', 'IN', 'OR', 'ME', 'OK', 'HI', 'OH', 'ID', 'MS', 'DE', 'AL', 'LA', 'CO', 'MA', 'MO', 'MT', 'NE', 'SC', 'DC']);

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
const YEAR_WORDS = new Set(['in', 'since', 'until', 'by', 'from', 'during', 'before', 'after', 'of', 'the', 'a', 'an', 'its', 'their']);

interface Street {
  /** Index of a compass point before the name, if any. */
  compass?: number;
  /** Indices of the name's tokens (words and ordinal numbers with their suffix). */
  name: number[];
  /** Index of the street type. */
  type: number;
  /** Index of a quadrant after the type ("NW"), if any. */
  quadrant?: number;
  /** Index after the street (and the type's full stop). */
  end: number;
  /** True when a full stop after the type was taken. */
  stop: boolean;
}

function compassAt(context: RuleContext, index: number): { words: string; end: number } | undefined {
  const words = context.isWord(index) ? COMPASS.get(context.text(index)) : undefined;
  if (words === undefined) return undefined;
  const end = context.isSymbol(index + 1, '.') ? index + 2 : index + 1;
  return context.isInlineSpace(end) ? { words, end: end + 1 } : undefined;
}

/** A street at `start`: an optional compass point, one to four name tokens, a street type. */
function streetAt(context: RuleContext, start: number): Street | undefined {
  let position = start;
  const compass = compassAt(context, position);
  const street: Street = { name: [], type: -1, end: -1, stop: false };
  if (compass !== undefined) {
    street.compass = position;
    position = compass.end;
  }
  while (street.name.length < 4) {
    const token = context.at(position);
    if (token === undefined) return undefined;
    const isOrdinal = token.kind === 'number' && isDigits(token.text) && token.text.length <= 3 && context.isWord(position + 1) && ORDINAL_SUFFIX.test(context.text(position + 1));
    const isName = token.kind === 'word' && isCapitalized(token.text) && !STREET_TYPES.has(token.text.toLowerCase());
    if (!isOrdinal && !isName) break;
    street.name.push(position);
    position += isOrdinal ? 2 : 1;
    if (!context.isInlineSpace(position)) return undefined;
    position += 1;
  }
  if (street.name.length === 0 || !context.isWord(position)) return undefined;
  const typeText = context.text(position);
  const type = STREET_TYPES.get(typeText.toLowerCase());
  // A full street type must be capitalised ("Elm Street"); an abbreviation may be lower-case ("1st st").
  if (type === undefined || (type.toLowerCase() === typeText.toLowerCase() && !isCapitalized(typeText))) return undefined;
  if (context.isWordLike(position + 1)) return undefined;
  street.type = position;
  street.end = position + 1;
  if (context.isSymbol(street.end, '.') && typeText.toLowerCase() !== type.toLowerCase()) {
    street.stop = true;
    street.end += 1;
  }
  // "Pennsylvania Ave NW": a quadrant after the street type.
  if (!street.stop && context.isInlineSpace(street.end) && COMPASS.has(context.text(street.end + 1)) && context.text(street.end + 1).length === 2 && !context.isWordLike(street.end + 2)) {
    street.quadrant = street.end + 1;
    street.end += 2;
  }
  return street;
}

function writeStreet(context: RuleContext, street: Street): void {
  if (street.compass !== undefined) context.writeWord(COMPASS.get(context.text(street.compass))!);
  for (const index of street.name) {
    if (context.isNumber(index)) context.writeWord(ordinalWords(Number(context.text(index))));
    else {
      context.writer.space();
      readWord(context, index);
    }
  }
  context.writeWord(STREET_TYPES.get(context.text(street.type).toLowerCase())!);
  if (street.quadrant !== undefined) context.writeWord(COMPASS.get(context.text(street.quadrant))!);
  if (street.stop) context.keepSentenceStop(street.end);
}

/** ", Apt 4B", " Ste. 300", ", #12" after a street: the unit said in words. Returns the index after it, or `index`. */
function readUnitAfterStreet(context: RuleContext, index: number): number {
  let position = context.isSymbol(index, ',') ? index + 1 : index;
  if (!context.isInlineSpace(position)) return index;
  position += 1;
  let words: string | undefined;
  if (context.isSymbol(position, '#')) {
    words = 'number';
    position += 1;
  } else if (context.isWord(position)) {
    words = UNIT_WORDS.get(context.text(position).toLowerCase());
    position += 1;
    if (context.isSymbol(position, '.')) position += 1;
    if (context.isInlineSpace(position)) position += 1;
  }
  if (words === undefined || !context.isNumber(position, true)) return index;
  let label = plainIntegerWords(context.text(position));
  let end = position + 1;
  if (context.isWord(end) && context.text(end).length === 1) {
    // "Apt 4B": a letter after the number.
    label += ` ${context.text(end).toUpperCase()}`;
    end += 1;
  }
  if (context.isWordLike(end)) return index;
  if (context.isSymbol(index, ',')) context.write(',');
  context.writeWord(`${words} ${label}`);
  return end;
}

/** ", Santa Clara, CA 95051" after a street: the city's words as they are, the state's name, the ZIP code digit by digit. */
function readPlaceAfterStreet(context: RuleContext, start: number): number {
  const index = readUnitAfterStreet(context, start);
  let position = index;
  if (!context.isSymbol(position, ',') || !context.isInlineSpace(position + 1)) return position;
  let cursor = position + 2;
  const city: number[] = [];
  while (city.length < 3 && context.isWord(cursor) && isCapitalized(context.text(cursor)) && !US_STATES.has(context.text(cursor))) {
    city.push(cursor);
    cursor += 1;
    if (context.isInlineSpace(cursor) && context.isWord(cursor + 1) && isCapitalized(context.text(cursor + 1)) && !US_STATES.has(context.text(cursor + 1))) cursor += 1;
    else break;
  }
  if (city.length > 0) {
    context.write(',');
    context.writer.space();
    for (const word of city) {
      context.writer.space();
      readWord(context, word);
    }
    position = city[city.length - 1]! + 1;
    if (!context.isSymbol(position, ',') || !context.isInlineSpace(position + 1)) return position;
    cursor = position + 2;
  }
  const state = US_STATES.get(context.text(cursor));
  if (state === undefined || !context.isWord(cursor) || context.isWordLike(cursor + 1)) return position;
  context.write(',');
  context.writeWord(state);
  return readZip(context, cursor + 1) ?? cursor + 1;
}

/** A ZIP code after a state (" 95051", " 95051-1234"), digit by digit. */
function readZip(context: RuleContext, index: number): number | undefined {
  if (!context.isInlineSpace(index) || !context.isNumber(index + 1, true) || context.text(index + 1).length !== 5) return undefined;
  let end = index + 2;
  let words = digitByDigit(context.text(index + 1));
  if (context.isSymbol(end, '-') && context.isNumber(end + 1, true) && context.text(end + 1).length === 4) {
    words += `, ${digitByDigit(context.text(end + 1))}`;
    end += 2;
  }
  if (context.isWordLike(end)) return undefined;
  context.writeWord(words);
  return end;
}

/**
 * "1428 Elm St.", "708 N 1st St, San City", "2788 San Tomas Expy, Santa
 * Clara, CA 95051": a house number and its street (and place), read as an
 * address. `index` is the house number. Returns undefined when the number
 * does not start an address.
 */
export function readAddress(context: RuleContext, index: number): number | undefined {
  const digits = context.text(index);
  if (!context.isNumber(index, true) || digits.length > 5 || digits.startsWith('0') || !context.isInlineSpace(index + 1)) return undefined;
  // "In 2005 Main Street ...", "the 2008 Wall Street crash": after a word that introduces a year, or an article, a year-shaped number is the year.
  if (digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2099 && YEAR_WORDS.has(context.wordsBefore(index, 1)[0] ?? '')) return undefined;
  const street = streetAt(context, index + 2);
  if (street === undefined) return undefined;
  context.write(houseNumberWords(digits));
  writeStreet(context, street);
  return street.stop ? street.end : readPlaceAfterStreet(context, street.end);
}

/** "N Main St", "E Arques Ave": a compass letter before a street name, said in full. `index` is the letter. */
export function readCompassStreet(context: RuleContext, index: number): number | undefined {
  if (!COMPASS.has(context.text(index))) return undefined;
  const street = streetAt(context, index);
  if (street === undefined || street.compass !== index) return undefined;
  writeStreet(context, street);
  return street.stop ? street.end : readPlaceAfterStreet(context, street.end);
}

/** "Santa Clara, CA 95051", "Brooklyn, NY": a state's postal code after a city, said as the state's name. `index` is the code. */
export function readStateCode(context: RuleContext, index: number): number | undefined {
  const code = context.text(index);
  const state = US_STATES.get(code);
  if (state === undefined || !context.isSymbol(index - 2, ',') || !context.isInlineSpace(index - 1) || !context.isWord(index - 3) || !isCapitalized(context.text(index - 3))) return undefined;
  if (context.isWordLike(index + 1)) return undefined;
  const hasZip = context.isInlineSpace(index + 1) && context.isNumber(index + 2, true) && context.text(index + 2).length === 5;
  if (!hasZip) {
    if (STATE_CODES_NEEDING_ZIP.has(code)) return undefined;
    const after = context.at(context.skipSpace(index + 1));
    if (after !== undefined && after.kind !== 'symbol' && after.kind !== 'space') return undefined;
  }
  context.write(state);
  return readZip(context, index + 1) ?? index + 1;
}
