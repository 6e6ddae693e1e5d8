import { HONORIFICS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS, REFERABLE_ROLES } from './name-words.js';

/** A person named in a phrase, with the role words written before the name. */
export interface NamedPerson {
  name: string;
  /** Role words (lower case) that can later refer to the person: "manager", "librarian". */
  roles: string[];
  /** True when a title or role came before the name ("Councillor Raj Patel"). */
  titled: boolean;
}

/** What a phrase around an attribution verb says about who speaks. */
export type SpeakerPhrase =
  | { kind: 'person'; person: NamedPerson }
  | { kind: 'pronoun' }
  | { kind: 'role'; role: string }
  /** Something that speaks but is not a person: an organisation, "analysts", "officials". */
  | { kind: 'group' }
  | { kind: 'none' };

const PREPOSITIONS = new Set(['at', 'of', 'from', 'for', 'with', 'by', 'in', 'on', 'to', 'about', 'than', 'into']);
const PRONOUNS = new Set(['he', 'she']);
/** Words between a subject and its verb that do not end the subject: "De Vries also said", "she has said". */
const VERB_MODIFIERS = new Set([
  'also', 'later', 'then', 'previously', 'repeatedly', 'once', 'has', 'have', 'had', 'would', 'will', 'could',
  'might', 'may', 'should', 'must', 'did', 'does', 'reportedly', 'recently', 'again', 'earlier', 'subsequently',
  'simply', 'just', 'only', 'even', 'first', 'further', 'often', 'always', 'publicly', 'privately', 'separately',
]);
/** Words before a verb that mean it attributes nothing by itself: "but said", "to say", "did not say". */
const NOT_A_SUBJECT = new Set(['and', 'but', 'or', 'yet', 'so', 'nor', 'to', 'not', 'never', 'who', 'which', 'that']);
const MAX_PHRASE_TOKENS = 8;

/** Strips punctuation a word carries at its edges. */
function bare(token: string): string {
  return token.replace(/^[("'“‘«]+/u, '').replace(/[)"'”’»,;:.!?]+$/u, '');
}

function keyOf(token: string): string {
  return bare(token).toLowerCase();
}

function isCapitalised(token: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(bare(token));
}

function isHonorific(token: string): boolean {
  return HONORIFICS.has(keyOf(token));
}

function isNameWord(token: string): boolean {
  const word = bare(token);
  if (!isCapitalised(word) || NOT_NAME_WORDS.has(word.toLowerCase())) return false;
  return !/['’]s$/u.test(word);
}

function isParticle(token: string): boolean {
  return NAME_PARTICLES.has(bare(token)) || NAME_PARTICLES.has(keyOf(token));
}

/**
 * Reads the tokens of a name phrase ("Chief Executive Marten de Vries",
 * "head librarian Tomas Reyes", "Mr Jeong Young-tae") into a person, or says
 * it is a role, a group or nothing.
 */
export function phraseToSpeaker(tokens: string[]): SpeakerPhrase {
  let words = tokens.filter((token) => bare(token) !== '');
  while (words.length > 0 && NOT_NAME_WORDS.has(keyOf(words[0]!)) && !isHonorific(words[0]!)) words = words.slice(1);
  if (words.length === 0) return { kind: 'none' };
  let roleEnd = -1;
  for (let index = 0; index < words.length; index++) {
    if (isHonorific(words[index]!) && words.slice(index + 1).some((word) => isNameWord(word) && !isHonorific(word))) {
      roleEnd = index;
    }
  }
  const roles = words.slice(0, roleEnd + 1).map(keyOf);
  const nameWords = words.slice(roleEnd + 1);
  const last = nameWords[nameWords.length - 1];
  const valid =
    nameWords.length > 0 &&
    last !== undefined &&
    isNameWord(last) &&
    nameWords.every((word) => isNameWord(word) || isParticle(word)) &&
    isNameWord(nameWords[0]!) &&
    !isOrganisation(nameWords);
  if (valid) {
    return {
      kind: 'person',
      person: {
        name: nameWords.map(bare).join(' '),
        roles: roles.filter((role) => REFERABLE_ROLES.has(role)),
        titled: roleEnd >= 0,
      },
    };
  }
  if (nameWords.length > 0 && isOrganisation(nameWords)) return { kind: 'group' };
  const role = [...words].reverse().map(keyOf).find((word) => REFERABLE_ROLES.has(word));
  if (role !== undefined && words.every((word) => isHonorific(word) || keyOf(word) === 'the')) return { kind: 'role', role };
  return { kind: 'group' };
}

function isOrganisation(words: string[]): boolean {
  const last = bare(words[words.length - 1]!);
  if (ORGANISATION_WORDS.has(last.toLowerCase())) return true;
  return words.length === 1 && /^\p{Lu}{2,}$/u.test(last);
}

/**
 * The speaker phrase written right before an attribution verb
 * (`Chief Executive Marten de Vries told`, `she said`, `Graham Holt, who
 * lives on Mill Lane, said`). `before` is the text up to the verb.
 */
export function speakerBefore(before: string): SpeakerPhrase {
  let head = before.trimEnd();
  if (head.endsWith(',')) {
    const last = head.length - 1;
    const previous = head.lastIndexOf(',', last - 1);
    const appositive = head.slice(previous + 1, last).trim();
    if (previous === -1 || !/^(?:who|whose|which|a|an|the|one|aged|now|then|also|himself|herself|\p{N})/iu.test(appositive)) {
      return { kind: 'none' };
    }
    head = head.slice(0, previous);
  }
  const tokens = head.split(/\s+/u).filter((token) => token !== '');
  const phrase: string[] = [];
  let stop: string | undefined;
  let end = tokens.length - 1;
  while (end >= 0 && end >= tokens.length - 3 && VERB_MODIFIERS.has(tokens[end]!.toLowerCase())) end--;
  for (let index = end; index >= 0 && phrase.length < MAX_PHRASE_TOKENS; index--) {
    const token = tokens[index]!;
    if (/\uE000/u.test(token)) {
      stop = '';
      break;
    }
    const endsClause = /[,;:!?)\]"”’]$/u.test(token) || (/\.$/u.test(token) && !isHonorific(token) && !/^\p{Lu}\.$/u.test(token));
    const fits =
      !endsClause &&
      (isNameWord(token) || isHonorific(token) || (phrase.length > 0 && isParticle(token)) || /^\p{Lu}\.$/u.test(token));
    if (!fits) {
      stop = token;
      break;
    }
    phrase.unshift(token);
  }
  if (phrase.length === 0) {
    if (stop === undefined || stop === '') return { kind: 'none' };
    const word = keyOf(stop);
    if (PRONOUNS.has(word)) return { kind: 'pronoun' };
    if (NOT_A_SUBJECT.has(word)) return { kind: 'none' };
    if (/[,;:]$/u.test(stop) || /[.!?]$/u.test(stop)) return { kind: 'none' };
    return { kind: 'group' };
  }
  if (stop !== undefined && PREPOSITIONS.has(keyOf(stop))) return { kind: 'group' };
  if (stop !== undefined && keyOf(stop) === 'the') {
    const speaker = phraseToSpeaker(phrase);
    return speaker.kind === 'person' ? speaker : roleOf(phrase);
  }
  return phraseToSpeaker(phrase);
}

/**
 * The speaker phrase written right after an inverted attribution verb
 * (`said head librarian Tomas Reyes.`, `said Mr Jeong Young-tae, an analyst`,
 * `said the manager`, `said she`).
 */
export function speakerAfter(after: string): SpeakerPhrase {
  const tokens = after.trimStart().slice(0, 160).split(/\s+/u).filter((token) => token !== '');
  const first = tokens[0];
  if (first === undefined || /\uE000/u.test(first)) return { kind: 'none' };
  if (PRONOUNS.has(keyOf(first))) return { kind: 'pronoun' };
  let start = 0;
  if (keyOf(first) === 'the') start = 1;
  start = skipDescriptors(tokens, start);
  const phrase: string[] = [];
  for (let index = start; index < tokens.length && phrase.length < MAX_PHRASE_TOKENS; index++) {
    const token = tokens[index]!;
    const fits = isNameWord(token) || isHonorific(token) || (phrase.length > 0 && isParticle(token)) || /^\p{Lu}\.$/u.test(token);
    if (!fits || /\uE000/u.test(token)) break;
    phrase.push(token);
    const endsClause = /[,;:!?)\]]$/u.test(token) || (/\.$/u.test(token) && !isHonorific(token) && !/^\p{Lu}\.$/u.test(token));
    if (endsClause) break;
  }
  if (phrase.length === 0) return { kind: 'none' };
  if (start === 1) {
    const speaker = phraseToSpeaker(phrase);
    return speaker.kind === 'person' ? speaker : roleOf(phrase);
  }
  return phraseToSpeaker(phrase);
}

/**
 * Skips lower-case words that describe a role before it ("coastguard" in
 * "coastguard officer Ben Tait", "transport" in "transport analyst Jo King").
 */
function skipDescriptors(tokens: string[], start: number): number {
  for (let role = start + 1; role <= start + 3 && role + 1 < tokens.length; role++) {
    const descriptors = tokens.slice(start, role);
    if (!descriptors.every((token) => /^\p{Ll}[\p{L}-]*$/u.test(token))) return start;
    if (isHonorific(tokens[role]!) && isNameWord(tokens[role + 1]!)) return role;
  }
  return start;
}

function roleOf(phrase: string[]): SpeakerPhrase {
  const role = [...phrase].reverse().map(keyOf).find((word) => REFERABLE_ROLES.has(word));
  return role === undefined ? { kind: 'group' } : { kind: 'role', role };
}

/**
 * The person a sentence opens with, when the opening reads as a person: a
 * titled name ("Councillor Raj Patel, who …", "North Korean leader Kim Jong
 * Un departed") or a name followed by an appositive ("Tomás Ruiz, who …").
 * `sentence` is the sentence with quoted speech masked.
 */
export function sentenceSubject(sentence: string): NamedPerson | undefined {
  const tokens = sentence.slice(0, 200).split(/\s+/u).filter((token) => token !== '');
  const phrase: string[] = [];
  let next: string | undefined;
  for (const token of tokens) {
    if (/\uE000/u.test(token) || phrase.length >= MAX_PHRASE_TOKENS) {
      next = token;
      break;
    }
    const fits = isNameWord(token) || isHonorific(token) || (phrase.length > 0 && isParticle(token)) || /^\p{Lu}\.$/u.test(token);
    if (!fits) {
      next = token;
      break;
    }
    phrase.push(token);
    if (/[,;:]$/u.test(token)) {
      next = tokens[phrase.length];
      break;
    }
  }
  if (phrase.length === 0 || next === undefined) return undefined;
  const endsWithComma = /,$/u.test(phrase[phrase.length - 1]!);
  if (!endsWithComma && !/^\p{Ll}/u.test(next)) return undefined;
  const speaker = phraseToSpeaker(phrase);
  if (speaker.kind !== 'person') return undefined;
  const appositive = endsWithComma && /^(?:who|whose|a|an|the|\p{N})/iu.test(next);
  return speaker.person.titled || appositive ? speaker.person : undefined;
}
