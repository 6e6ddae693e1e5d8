import type { RuleContext } from './rule-context.js';
import { US_STATES } from './word-lists.js';

/** The parties of a United States politician's affiliation, as said on air. */
const PARTIES: ReadonlyMap<string, string> = new Map([
  ['D', 'Democrat'],
  ['R', 'Republican'],
  ['I', 'independent'],
]);

/** The Associated Press's state abbreviations (without their stops), and the states it never abbreviates. */
const AP_STATES: ReadonlyMap<string, string> = new Map([
  ['Ala', 'Alabama'], ['Ariz', 'Arizona'], ['Ark', 'Arkansas'], ['Calif', 'California'], ['Colo', 'Colorado'],
  ['Conn', 'Connecticut'], ['Del', 'Delaware'], ['Fla', 'Florida'], ['Ga', 'Georgia'], ['Ill', 'Illinois'],
  ['Ind', 'Indiana'], ['Kan', 'Kansas'], ['Ky', 'Kentucky'], ['La', 'Louisiana'], ['Md', 'Maryland'],
  ['Mass', 'Massachusetts'], ['Mich', 'Michigan'], ['Minn', 'Minnesota'], ['Miss', 'Mississippi'], ['Mo', 'Missouri'],
  ['Mont', 'Montana'], ['Neb', 'Nebraska'], ['Nev', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['Okla', 'Oklahoma'],
  ['Ore', 'Oregon'], ['Pa', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['Tenn', 'Tennessee'], ['Vt', 'Vermont'], ['Va', 'Virginia'], ['Wash', 'Washington'], ['WVa', 'West Virginia'],
  ['Wis', 'Wisconsin'], ['Wyo', 'Wyoming'],
  ['Alaska', 'Alaska'], ['Hawaii', 'Hawaii'], ['Idaho', 'Idaho'], ['Iowa', 'Iowa'], ['Maine', 'Maine'], ['Ohio', 'Ohio'],
  ['Texas', 'Texas'], ['Utah', 'Utah'],
]);

/**
 * "Sen. Chuck Schumer, D-N.Y., said", "Rep. Jane Roe (R-Ga.)": a wire
 * story's party and state after a politician's name, said as a newsreader
 * says it ("Democrat of New York"). `index` is the party's letter, which
 * must follow a comma or an opening bracket; the state is an AP
 * abbreviation, a full name AP does not abbreviate, or a postal code.
 * Returns the index after what it read, or undefined.
 */
export function readPartyAffiliation(context: RuleContext, index: number): number | undefined {
  const party = PARTIES.get(context.text(index));
  if (party === undefined || !context.isWord(index) || !context.isSymbol(index + 1, '-')) return undefined;
  const before = context.isInlineSpace(index - 1) ? index - 2 : index - 1;
  if (!context.isSymbol(before, ',(')) return undefined;
  const stateIndex = index + 2;
  const token = context.at(stateIndex);
  if (token === undefined || (token.kind !== 'word' && token.kind !== 'dotted')) return undefined;
  // "W.Va." comes as four tokens: "W", ".", "Va", ".".
  const westVirginia = token.text === 'W' && context.isSymbol(stateIndex + 1, '.') && context.isWord(stateIndex + 2, 'Va');
  const written = westVirginia ? 'WVa' : token.text.replace(/\./g, '');
  let end = westVirginia ? stateIndex + 3 : stateIndex + 1;
  const stop = token.kind === 'word' && context.isSymbol(end, '.');
  if (stop) end += 1;
  if (context.isWordLike(end) || context.isSymbol(end, '-')) return undefined;
  const abbreviated = AP_STATES.get(written);
  // An AP abbreviation has its stop (a dotted one carries it); a full name or a postal code has none.
  const state =
    abbreviated !== undefined && (token.kind === 'dotted' || stop || abbreviated === written)
      ? abbreviated
      : !stop && token.kind === 'word' && /^[A-Z]{2}$/.test(written)
        ? US_STATES.get(written)
        : undefined;
  if (state === undefined || state === 'D C') return undefined;
  context.write(`${party} of ${state}`);
  if (stop || token.kind === 'dotted') context.keepSentenceStop(end);
  return end;
}
