/**
 * SSML elements, written through ssml-builder wherever it has the element
 * and through one escaped element writer for the rest (the root, `voice`,
 * `lang`, vendor tags). ssml-builder escapes the text it is given for
 * `say`, `s`, `p`, `emphasis`, `prosody` and the word of `sub` and
 * `phoneme`, but not the alias of `sub`, the word of `say-as` nor its
 * format: those are escaped here before they reach it. Every attribute is
 * single-quoted, as ssml-builder writes them.
 *
 * @module
 */
import Speech from 'ssml-builder';
import type { SsmlMarkup } from '../engines/spec/ssml-dialect.js';
import type { EmphasisLevel } from './speech-plan.js';
import { escapeXml } from '../platform/markup-escape.js';

/**
 * Stands in for the content of an element ssml-builder writes around text
 * only: escaping leaves it alone, and it never occurs in article text, which
 * is stripped of characters XML forbids before rendering.
 */
const CONTENT_SLOT = '\u0000';

/** Longest break ssml-builder writes; longer pauses are written as several breaks. */
const LONGEST_BREAK_MS = 10_000;

/** An element ssml-builder builds around text, wrapped around `content` (markup) instead. */
function around(build: (speech: Speech, slot: string) => Speech, content: string): string {
  const [open, close] = build(new Speech(), CONTENT_SLOT).ssml(true).split(CONTENT_SLOT);
  return `${open}${content}${close}`;
}

/** The one writer of elements ssml-builder does not have; every attribute value is escaped. */
export const ssmlMarkup: SsmlMarkup = {
  element(name, attributes, content) {
    const written = Object.entries(attributes)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([key, value]) => ` ${key}='${escapeXml(String(value))}'`)
      .join('');
    return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`;
  },
  escape: escapeXml,
};

/** Article text, escaped. */
export function textSsml(text: string): string {
  return new Speech().say(text).ssml(true);
}

/** `<s>` around markup. */
export function sentenceSsml(content: string): string {
  return around((speech, slot) => speech.sentence(slot), content);
}

/** `<p>` around markup. */
export function paragraphSsml(content: string): string {
  return around((speech, slot) => speech.paragraph(slot), content);
}

/** `<emphasis level>` around markup. */
export function emphasisSsml(level: Exclude<EmphasisLevel, 'none'>, content: string): string {
  return around((speech, slot) => speech.emphasis(level, slot), content);
}

/** `<prosody>` around markup; `volume` in decibels such as `+2dB`, `rate` a percentage. */
export function prosodySsml(attributes: { rate?: string; pitch?: string; volume?: string }, content: string): string {
  return around((speech, slot) => speech.prosody({ ...attributes }, slot), content);
}

/** `<sub alias>`: `written` is shown, `alias` is said. */
export function subSsml(alias: string, written: string): string {
  return new Speech().sub(escapeXml(alias), written).ssml(true);
}

/** `<phoneme alphabet='ipa' ph>`: `written` said as the IPA transcription. */
export function phonemeSsml(ipa: string, written: string): string {
  return new Speech().phoneme('ipa', escapeXml(ipa), written).ssml(true);
}

/** `<say-as interpret-as>` (ssml-builder's list of interpretations), with an optional `format`. */
export function sayAsSsml(interpretAs: string, word: string, format?: string): string {
  return new Speech()
    .sayAs({ word: escapeXml(word), interpret: interpretAs, ...(format === undefined ? {} : { format: escapeXml(format) }) })
    .ssml(true);
}

/** `<break time='…ms'/>`, as several breaks when longer than one may be. */
export function breakSsml(ms: number): string {
  const speech = new Speech();
  let left = Math.max(0, Math.round(ms));
  do {
    const part = Math.min(left, LONGEST_BREAK_MS);
    speech.pause(`${part}ms`);
    left -= part;
  } while (left > 0);
  return speech.ssml(true);
}
