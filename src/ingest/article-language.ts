import { oneLineAtMost } from '../platform/plain-text.js';
import type { Article, StageWarning } from './article.js';
import { guessLanguage, type LanguageGuess } from './detect-language.js';
import { baseLanguage, canonicalLanguage, languageName } from './language-tag.js';

/** Where an article's language can come from, strongest first. */
export interface LanguageClaims {
  /** Forced by the user (`--language`): kept whatever the text says, when it is a valid tag. */
  forced?: string | undefined;
  /** Declared by the source (`<html lang>`, front matter, the feed): the text can overrule it. */
  declared?: string | undefined;
}

/** The settled language and what was said about it. */
export interface SettledLanguage {
  /** Canonical BCP 47 tag. */
  language: string;
  warnings: StageWarning[];
}

/** A declared language that fits the text at least this well is kept: close relatives do, unrelated languages do not. */
const PLAUSIBLE_FIT = 0.5;
const DEFAULT_LANGUAGE = 'en';

/**
 * Settles the language of an article once, for every kind of input, so
 * every later stage sees a valid canonical BCP 47 tag: a forced language
 * wins; a declared one is kept (with its region: `en-GB`) unless a long
 * enough text reads as another language, which then wins; with neither, the
 * text's language, else `en`. An invalid tag falls back the same way, and
 * every fallback and override is a warning naming the source.
 */
export function settleArticleLanguage(article: Omit<Article, 'language'>, claims: LanguageClaims): SettledLanguage {
  const warnings: StageWarning[] = [];
  let guess: LanguageGuess | undefined | null = null;
  const guessed = (): LanguageGuess | undefined => (guess === null ? (guess = guessLanguage(sampleOf(article))) : guess);
  const fallback = (): string => guessed()?.language ?? DEFAULT_LANGUAGE;
  const invalid = (tag: string, kind: string, instead: string): void => {
    warnings.push({
      code: 'INPUT_LANGUAGE_INVALID',
      source: article.source,
      message: `${article.source}: ${kind} language "${oneLineAtMost(tag, 40)}" is not a valid BCP 47 language tag; ${instead}`,
    });
  };
  const usingFallback = (): string => {
    const detected = guessed();
    return `using ${detected ? `"${detected.language}", the language of the text` : `"${DEFAULT_LANGUAGE}"`}`;
  };

  if (claims.forced !== undefined && claims.forced.trim() !== '') {
    const forced = canonicalLanguage(claims.forced);
    if (forced !== undefined) return { language: forced, warnings };
    invalid(claims.forced, 'the given', claims.declared?.trim() ? 'using the declared one' : usingFallback());
  }
  if (claims.declared === undefined || claims.declared.trim() === '') return { language: fallback(), warnings };
  const declared = canonicalLanguage(claims.declared);
  if (declared === undefined) {
    invalid(claims.declared, 'the declared', usingFallback());
    return { language: fallback(), warnings };
  }
  const detected = guessed();
  if (detected === undefined || baseLanguage(detected.language) === baseLanguage(declared)) return { language: declared, warnings };
  const fit = detected.fit(declared);
  if (fit === undefined || fit >= PLAUSIBLE_FIT) return { language: declared, warnings };
  warnings.push({
    code: 'INPUT_LANGUAGE_MISMATCH',
    source: article.source,
    message:
      `${article.source}: declared language "${declared}" (${languageName(declared)}) does not match the text, ` +
      `which reads as ${languageName(detected.language)}; using "${detected.language}"`,
  });
  return { language: detected.language, warnings };
}

/** The words a listener hears, enough of them for the identifier (it reads at most 2048 characters). */
function sampleOf(article: Omit<Article, 'language'>): string {
  const parts = [article.title, article.standfirst ?? '', ...article.body.filter((node) => node.type !== 'caption').map((node) => node.text)];
  let sample = '';
  for (const part of parts) {
    if (sample.length >= 2048) break;
    if (part.trim() !== '') sample += `${part}\n`;
  }
  return sample.slice(0, 2048);
}

