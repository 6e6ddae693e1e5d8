import { createRequire } from 'node:module';
import { FRANC_LANGUAGE_TAGS } from './franc-language-tags.js';
import { baseLanguage, canonicalLanguage } from './language-tag.js';

/** What the text of an article says about its language. */
export interface LanguageGuess {
  /** The most likely language, as a canonical BCP 47 tag (`pt`, `en`, `zh`). */
  language: string;
  /**
   * How well a language fits the text, from 1 (the best fit) to 0 (no
   * better than a language of the same script picked at random; a language
   * of another script); undefined when the identifier does not know the
   * language at all. Close relatives score high: Spanish for Portuguese
   * text about 0.65, Norwegian for Danish about 0.9; unrelated languages
   * about 0.25.
   */
  fit(tag: string): number | undefined;
}

/** Fewer letters than this give no guess: trigram statistics need some text. */
export const MIN_GUESS_LETTERS = 200;
/** Languages at least this close to the best fit are ties, won by the more widely written (a two-letter code). */
const TIE = 0.9;
/** Individual languages the identifier names that CLDR does not map to their macrolanguage. */
export const MACROLANGUAGES: Readonly<Record<string, string>> = { zlm: 'ms' };

const require = createRequire(import.meta.url);
let franc: typeof import('franc') | undefined;
let knownBases: Set<string> | undefined;

/**
 * Guesses the language of a text with the `franc` trigram identifier (187
 * languages), loaded on first use so that start-up does not pay for it.
 * Undefined when the text is too short for a confident guess.
 */
export function guessLanguage(text: string): LanguageGuess | undefined {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_GUESS_LETTERS) return undefined;
  franc ??= require('franc') as typeof import('franc');
  const scores = franc.francAll(text, { minLength: 1 });
  // franc scales its scores by the text's length; measured against the median language of the
  // script, a language's distance from the best fit is the same for a paragraph or a page.
  const median = scores[Math.floor(scores.length / 2)]?.[1] ?? 0;
  const fitOf = (score: number): number => (scores.length < 3 || median >= 1 ? score : Math.max(0, 1 - (1 - score) / (1 - median)));
  const named = scores.flatMap(([code, score]): [string, number][] => {
    const tag = tagOf(code);
    return tag === undefined ? [] : [[tag, fitOf(score)]];
  });
  const best = named[0];
  if (best === undefined || best[1] <= 0) return undefined;
  const tie = named.find(([tag, fit]) => fit >= TIE && tag.length === 2);
  const language = (tie ?? best)[0];
  const byBase = new Map<string, number>();
  for (const [tag, fit] of named) byBase.set(baseLanguage(tag), Math.max(byBase.get(baseLanguage(tag)) ?? 0, fit));
  return {
    language,
    fit: (tag) => {
      const base = baseLanguage(tag);
      if (!knownLanguageBases().has(base)) return undefined;
      return byBase.get(base) ?? 0;
    },
  };
}

/** The BCP 47 tag of one of the identifier's codes: from the written-out table, else worked out. */
export function tagOf(code: string): string | undefined {
  return FRANC_LANGUAGE_TAGS.has(code) ? FRANC_LANGUAGE_TAGS.get(code) : canonicalLanguage(MACROLANGUAGES[code] ?? code);
}

/** Every base language the identifier can recognise, whatever the script of the text. */
function knownLanguageBases(): Set<string> {
  if (knownBases !== undefined) return knownBases;
  const { data } = require('franc/data.js') as typeof import('franc/data.js');
  const { expressions } = require('franc/expressions.js') as typeof import('franc/expressions.js');
  const codes = [...Object.values(data).flatMap((languages) => Object.keys(languages)), ...Object.keys(expressions).filter((key) => /^[a-z]{3}$/u.test(key))];
  knownBases = new Set(codes.flatMap((code) => {
    const tag = tagOf(code);
    return tag === undefined ? [] : [baseLanguage(tag)];
  }));
  return knownBases;
}
