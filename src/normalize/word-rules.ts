import { readUpperCase, spellLetters, type AcronymReading } from './acronyms.js';
import { ACRONYM_SPOKEN_FORMS } from './acronym-list.js';
import { cardinalWords, ordinalWords } from './number-words.js';
import { dayAt, labelNumberWords, monthAt, readMoney, romanValue, yearAfter, yearFor } from './number-rules.js';
import { isAllCaps, isCapitalized, type RuleContext } from './rule-context.js';
import { readPartyAffiliation } from './party-affiliation-rules.js';
import {
  CURRENCY_WORDS,
  DOLLAR_PREFIXES,
  DOTTED_ABBREVIATIONS,
  DOTTED_WORDS,
  NUMBERED_THINGS,
  PLACE_SUFFIXES,
  PLAIN_WORDS,
  REGNAL_NAMES,
  SENTENCE_STARTERS,
  TITLES,
  UNAMBIGUOUS_WEEKDAYS,
  WEEKDAYS,
} from './word-lists.js';

const DASHES = '-–';
const MONTHS_EXPANDED_ALONE = new Set(['Feb', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']);

function applyOverride(letters: string, reading: AcronymReading): string {
  if (reading === 'spell') return spellLetters(letters);
  if (reading === 'word') return letters.toLowerCase();
  return reading;
}

/** "April 24", "Oct. 14, 2026", "March 2018", "July-September", "JAN. 15", "june 30", "Jan-15". */
function readMonth(context: RuleContext, index: number): number | undefined {
  const month = monthAt(context, index);
  if (month === undefined) return undefined;
  const text = context.text(index);
  if (!month.folded && context.isSymbol(month.end, DASHES) && monthAt(context, month.end + 1)?.name === context.text(month.end + 1)) {
    context.write(month.name);
    context.writeWord('to');
    return month.end + 1;
  }
  if (month.end === index + 1 && context.isSymbol(month.end, '-') && !context.isSymbol(month.end + 3, DASHES)) {
    // "Jan-15": a day written after a hyphen.
    const day = dayAt(context, month.end + 1);
    if (day !== undefined) {
      context.write(`${month.name} ${ordinalWords(day.day)}`);
      return day.end;
    }
  }
  const dayIndex = context.skipSpace(month.end);
  if (dayIndex !== month.end) {
    const day = dayAt(context, dayIndex);
    if (day !== undefined) {
      let words = `${month.name} ${ordinalWords(day.day)}`;
      let end = day.end;
      if (context.isSymbol(end, DASHES)) {
        const last = dayAt(context, end + 1);
        if (last !== undefined) {
          words += ` to ${ordinalWords(last.day)}`;
          end = last.end;
        }
      }
      const year = yearAfter(context, end);
      // "may 6 times": a lower-case month that is also a word needs a year or the sentence's end to be a date.
      if (month.ambiguous && year === undefined && context.isWordLike(context.skipSpace(end))) return undefined;
      if (year !== undefined) {
        words += `${year.comma ? ',' : ''} ${yearFor(context, year.year)}`;
        end = year.end;
      }
      context.write(words);
      return end;
    }
    const year = yearAfter(context, month.end);
    if (year !== undefined && !year.comma && !month.ambiguous) {
      context.write(`${month.name} ${yearFor(context, year.year)}`);
      return year.end;
    }
  }
  if (!month.folded && month.name !== text && month.end === index + 2 && MONTHS_EXPANDED_ALONE.has(text)) {
    context.write(month.name);
    context.keepSentenceStop(month.end);
    return month.end;
  }
  return undefined;
}

/** "Wed.", "Mon-Fri", "Tues., Oct. 14". */
function readWeekday(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  const weekday = WEEKDAYS.get(text);
  if (weekday === undefined) return undefined;
  const last = WEEKDAYS.get(context.text(index + 2));
  if (context.isSymbol(index + 1, DASHES) && last !== undefined) {
    context.write(`${weekday} to ${last}`);
    return index + 3;
  }
  const hasStop = context.isSymbol(index + 1, '.');
  const after = hasStop ? index + 2 : index + 1;
  const comma = context.isSymbol(after, ',');
  const next = context.skipSpace(comma ? after + 1 : after);
  const dateFollows = next !== after && (monthAt(context, next) !== undefined || dayAt(context, next) !== undefined);
  if ((hasStop && UNAMBIGUOUS_WEEKDAYS.has(text)) || dateFollows) {
    context.write(weekday);
    if (hasStop) context.keepSentenceStop(after);
    return after;
  }
  return undefined;
}

/** "No. 10", "No 10", "Nos. 3 and 4". */
function readNumberAbbreviation(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  if (text !== 'No' && text !== 'no' && text !== 'Nos' && text !== 'nos' && text !== 'NO') return undefined;
  const hasStop = context.isSymbol(index + 1, '.');
  if (!hasStop && text !== 'No') return undefined;
  const after = hasStop ? index + 2 : index + 1;
  const numberIndex = context.skipSpace(after);
  if (!context.isNumber(numberIndex) || (numberIndex === after && !hasStop)) return undefined;
  if (context.isWordLike(numberIndex + 1)) return undefined;
  context.write(`${text.toLowerCase().startsWith('nos') ? 'numbers' : 'number'} ${labelNumberWords(context.text(numberIndex))}`);
  return numberIndex + 1;
}

function isNameToken(context: RuleContext, index: number): boolean {
  const token = context.at(index);
  if (token === undefined) return false;
  if (token.kind === 'lexicon') return true;
  if (token.kind === 'dotted') return isCapitalized(token.text);
  return token.kind === 'word' && isCapitalized(token.text);
}

/** True when a capitalised word (not a sentence's first) stands just before `index`. */
function nameBefore(context: RuleContext, index: number): boolean {
  const previous = context.previousIndex(index);
  if (previous === index - 1 || !isNameToken(context, previous)) return false;
  return !context.isSentenceStart(previous);
}

/** Titles before names ("Mr Kim", "Dr. Osei"), and Dr/St, which change meaning after a name. */
function readTitle(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  const title = TITLES.get(text);
  const special = text === 'Dr' || text === 'St' || text === 'Ste';
  if (title === undefined && !special) return undefined;
  const hasStop = context.isSymbol(index + 1, '.');
  const after = hasStop ? index + 2 : index + 1;
  const nextIndex = context.skipSpace(after);
  const nameFollows = nextIndex !== after && isNameToken(context, nextIndex);
  if (special) {
    const afterName = nameBefore(context, index);
    const sentenceEnds = hasStop && context.stopEndsSentence(after);
    const place = text === 'Dr' ? 'Drive' : 'Street';
    const person = text === 'Dr' ? 'Doctor' : text === 'St' ? 'Saint' : 'Sainte';
    if (afterName && (!nameFollows || sentenceEnds || text === 'St')) {
      context.write(place);
      if (hasStop) context.keepSentenceStop(after);
      return after;
    }
    if (nameFollows || !hasStop) {
      context.write(person);
      return after;
    }
    context.write(text === 'Dr' ? 'doctor' : place);
    if (hasStop) context.keepSentenceStop(after);
    return after;
  }
  if (title !== undefined && (hasStop || title.withoutStop) && nameFollows) {
    context.write(title.spoken);
    return after;
  }
  return undefined;
}

/** "Main Rd.", "Martin Luther King Jr.", "Acme Inc." */
function readPlaceSuffix(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  const full = PLACE_SUFFIXES.get(text);
  if (full === undefined) return undefined;
  let previous = context.previousIndex(index);
  if (context.isSymbol(previous, ',')) previous = context.previousIndex(previous);
  if (!isNameToken(context, previous)) return undefined;
  const hasStop = context.isSymbol(index + 1, '.');
  context.write(full);
  if (hasStop) {
    context.keepSentenceStop(index + 2);
    return index + 2;
  }
  return index + 1;
}

/** "vs.", "etc.", "et al.", "approx.", and "v" between two names. */
function readCommonAbbreviation(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  const hasStop = context.isSymbol(index + 1, '.');
  if (text === 'et' && context.isInlineSpace(index + 1) && context.isWord(index + 2, 'al')) {
    const stop = context.isSymbol(index + 3, '.');
    context.write('and others');
    if (stop) context.keepSentenceStop(index + 4);
    return stop ? index + 4 : index + 3;
  }
  if ((text === 'v' || text === 'V') && nameBefore(context, index)) {
    const after = hasStop ? index + 2 : index + 1;
    const next = context.skipSpace(after);
    if (next !== after && isNameToken(context, next)) {
      context.write('versus');
      return after;
    }
  }
  if (hasStop) {
    const expansion = DOTTED_WORDS.get(text) ?? DOTTED_WORDS.get(text.toLowerCase());
    if (expansion !== undefined) {
      context.write(isCapitalized(text) ? capitalize(expansion) : expansion);
      context.keepSentenceStop(index + 2);
      return index + 2;
    }
  }
  const plain = PLAIN_WORDS.get(text);
  if (plain !== undefined) {
    context.write(plain);
    return index + 1;
  }
  return undefined;
}

/** "US$5", "HK$3bn", "EUR 12", "USD 5 million". */
function readCurrencyPrefix(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  const dollar = DOLLAR_PREFIXES.get(text);
  if (dollar !== undefined && context.isSymbol(index + 1, '$')) {
    const amount = context.skipSpace(index + 2);
    if (context.isNumber(amount)) return readMoney(context, amount, dollar);
  }
  const code = CURRENCY_WORDS.get(text);
  if (code !== undefined && text.length === 3 && text === text.toUpperCase()) {
    const amount = context.skipSpace(index + 1);
    if (amount !== index + 1 && context.isNumber(amount)) return readMoney(context, amount, code);
  }
  if (text === 'Rs' || text === 'Rp') {
    // "Rs. 100", "Rs 2,500": rupees; "Rp 10,000": rupiah.
    const after = context.isSymbol(index + 1, '.') ? index + 2 : index + 1;
    const amount = context.skipSpace(after);
    const currency = text === 'Rs' ? { singular: 'rupee', plural: 'rupees' } : { singular: 'rupiah', plural: 'rupiah' };
    if (context.isNumber(amount)) return readMoney(context, amount, currency);
  }
  return undefined;
}

/** "World War II" → "two", "Henry VIII" → "the eighth", "John Smith III" → "the third". */
function readRomanNumeral(context: RuleContext, index: number): number | undefined {
  const written = context.text(index);
  // "Elizabeth II's reign": the numeral with a possessive.
  const possessive = written.length > 3 && written.endsWith("'s");
  const text = possessive ? written.slice(0, -2) : written;
  const value = romanValue(text);
  if (value === undefined) return undefined;
  if (context.isWordLike(index + 1)) return undefined;
  const following = context.skipSpace(index + 1);
  if (!possessive && following === index + 2 && /^centur(?:y|ies)$/i.test(context.text(following)) && (text.length > 1 || text !== 'I')) {
    // "XIX century": the nineteenth century.
    context.write(ordinalWords(value));
    return index + 1;
  }
  const previous = context.previousIndex(index);
  if (previous === index - 1 || !context.isWord(previous)) return undefined;
  const previousText = context.text(previous);
  // L and C are letters of ordinary words and grades ("Class C"): only "Super Bowl LVIII" takes them.
  // "PART XL", "Chapter XC": a numbered thing takes them when the numeral has more than one letter.
  if (/[LC]/.test(text) && previousText.toLowerCase() !== 'bowl' && !REGNAL_NAMES.has(previousText) && !(text.length > 1 && NUMBERED_THINGS.has(previousText.toLowerCase()))) {
    return undefined;
  }
  const ending = possessive ? "'s" : '';
  if (NUMBERED_THINGS.has(previousText.toLowerCase()) && (isCapitalized(previousText) || text.length > 1)) {
    context.write(`${cardinalWords(value)}${ending}`);
    return index + 1;
  }
  // "Sam II", "Louis XIV": a name and a numeral of two or more letters is a regnal or generational number, at a sentence's start too.
  const nameStarts = !context.isSentenceStart(previous) || !SENTENCE_STARTERS.has(previousText);
  if (REGNAL_NAMES.has(previousText) || (/^[IVX]{2,}$/.test(text) && isCapitalized(previousText) && !isAllCaps(previousText) && nameStarts)) {
    context.write(`the ${ordinalWords(value)}${ending}`);
    return index + 1;
  }
  return undefined;
}

/** Whether a neighbour of `index` is an ALL-CAPS word (the token is then part of a heading unless it is a listed acronym). */
function inCapsContext(context: RuleContext, index: number): boolean {
  for (const neighbour of [context.previousWordIndex(index, 2), context.nextWordIndex(index, 2)]) {
    if (neighbour < 0 || !context.isWord(neighbour)) continue;
    const text = context.text(neighbour);
    const core = text.endsWith("'S") || text.endsWith("'s") ? text.slice(0, -2) : text;
    if (isAllCaps(core)) return true;
  }
  return false;
}

/** "AT&T", "S&P", "R&D". */
function readAmpersandAcronym(context: RuleContext, index: number): number | undefined {
  if (!context.isSymbol(index + 1, '&') || !context.isWord(index + 2)) return undefined;
  const first = context.text(index);
  const second = context.text(index + 2);
  const joined = `${first}&${second}`;
  const override = context.settings.acronyms[joined];
  const explicit = override ?? ACRONYM_SPOKEN_FORMS[joined];
  if (explicit !== undefined) {
    context.write(applyOverride(joined.replace('&', ''), explicit));
    return index + 3;
  }
  if (first.length <= 3 && second.length <= 3 && isUpperLetters(first) && isUpperLetters(second)) {
    context.write(`${spellLetters(first)} and ${spellLetters(second)}`);
    return index + 3;
  }
  return undefined;
}

function isUpperLetters(text: string): boolean {
  return text.length > 0 && text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Acronyms ("FBI", "NATO's", "CEOs") and ALL-CAPS heading words ("SLOWER TRADE"). */
function readUpperCaseWord(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  let core = text;
  let ending: 'none' | 'possessive' | 'plural' = 'none';
  if (text.length > 3 && (text.endsWith("'S") || text.endsWith("'s"))) {
    core = text.slice(0, -2);
    ending = 'possessive';
  } else if (text.length >= 3 && text.endsWith('s') && isAllCaps(text.slice(0, -1))) {
    core = text.slice(0, -1);
    ending = 'plural';
  }
  if (!isAllCaps(core)) return undefined;
  if (core.includes("'")) {
    context.write(text.toLowerCase());
    return index + 1;
  }
  const decision = readUpperCase(core, inCapsContext(context, index), context.settings.acronyms);
  if (!decision.acronym) {
    context.write(text.toLowerCase());
    return index + 1;
  }
  const spelled = decision.spoken === spellLetters(core);
  const suffix = ending === 'possessive' ? "'s" : ending === 'plural' ? (spelled ? "'s" : 's') : '';
  context.write(`${decision.spoken}${suffix}`);
  return index + 1;
}

/** Letters with full stops: "U.S.", "e.g.", "a.m.", "J.K.". */
export function readDotted(context: RuleContext, index: number): number {
  const text = context.text(index);
  const letters = text.replaceAll('.', '');
  const override = context.settings.acronyms[text] ?? context.settings.acronyms[letters];
  let spoken: string;
  if (override !== undefined) spoken = applyOverride(letters, override);
  else spoken = DOTTED_ABBREVIATIONS.get(text) ?? spellLetters(letters);
  let end = index + 1;
  if (context.isSymbol(end, "'") && context.isWord(end + 1, 's')) {
    spoken += "'s";
    end += 2;
  }
  context.write(spoken);
  if (end === index + 1) context.keepSentenceStop(end);
  return end;
}

/**
 * Reads the word at `index` and what belongs with it (a title's name, a
 * month's day and year, a currency's amount). Returns the index after what it
 * consumed.
 */
export function readWord(context: RuleContext, index: number): number {
  const text = context.text(index);
  const override = context.settings.acronyms[text];
  if (override !== undefined) {
    context.write(applyOverride(text, override));
    return index + 1;
  }
  const explicit = ACRONYM_SPOKEN_FORMS[text];
  if (explicit !== undefined && !isAllCaps(text)) {
    context.write(explicit);
    return index + 1;
  }
  const rules = [
    readPartyAffiliation,
    readAmpersandAcronym,
    readCurrencyPrefix,
    readMonth,
    readWeekday,
    readNumberAbbreviation,
    readTitle,
    readPlaceSuffix,
    readCommonAbbreviation,
    readRomanNumeral,
    readUpperCaseWord,
  ];
  for (const rule of rules) {
    const end = rule(context, index);
    if (end !== undefined) return end;
  }
  context.write(text);
  return index + 1;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
