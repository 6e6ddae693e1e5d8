import { readFileSync } from 'node:fs';
import { BriefingError } from '../errors.js';
import type { Lexicon, LexiconEntry } from './lexicon-entry.js';

export type { Lexicon, LexiconEntry } from './lexicon-entry.js';

/**
 * Reads and parses a lexicon file (JSON or PLS XML); see `parseLexicon`.
 * The parsers (and the schema library) are loaded only when a build has a
 * lexicon file of its own.
 *
 * @throws BriefingError `CONFIG_INVALID` when the file cannot be read or is not a valid lexicon.
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  return (await import('./lexicon-file.js')).loadLexicon(path);
}

let defaultLexiconCache: Lexicon | undefined;

/**
 * The lexicon shipped with the package (`templates/lexicon.json`): names that
 * newsreaders say one way and speech engines tend to get wrong. Read once.
 *
 * @throws BriefingError `CONFIG_INVALID` when the shipped file is missing or broken.
 */
export function defaultLexicon(): Lexicon {
  if (defaultLexiconCache === undefined) {
    // Sources live in src/normalize and the build in dist/normalize: both two levels below the package root.
    const url = new URL('../../templates/lexicon.json', import.meta.url);
    let content: string;
    try {
      content = readFileSync(url, 'utf8');
    } catch (error) {
      throw new BriefingError('CONFIG_INVALID', 'templates/lexicon.json: default lexicon cannot be read', { cause: error });
    }
    defaultLexiconCache = shippedLexicon(content);
  }
  return { entries: defaultLexiconCache.entries.map((entry) => ({ ...entry })) };
}

function entryKey(entry: LexiconEntry): string {
  return entry.caseSensitive === true ? `=${entry.grapheme}` : `~${entry.grapheme.toLowerCase()}`;
}

/**
 * Combines lexicons; for the same grapheme (same case, when case-sensitive)
 * the entry of a later lexicon wins. Undefined lexicons are skipped.
 */
export function mergeLexicons(...lexicons: (Lexicon | undefined)[]): Lexicon {
  const merged = new Map<string, LexiconEntry>();
  for (const lexicon of lexicons) {
    if (lexicon === undefined) continue;
    for (const entry of lexicon.entries) {
      const key = entryKey(entry);
      merged.delete(key);
      merged.set(key, entry);
    }
  }
  return { entries: [...merged.values()] };
}

/**
 * The shipped lexicon's entries as the file holds them. The file is the
 * package's own, written in the form `parseLexicon` gives (a test holds the
 * two equal), so it is read without loading the schema library that checks
 * a user's lexicon.
 */
function shippedLexicon(content: string): Lexicon {
  try {
    const { entries } = JSON.parse(content) as { entries: LexiconEntry[] };
    return { entries: entries.map(({ grapheme, alias, ipa, caseSensitive }) => ({ grapheme, ...(alias !== undefined ? { alias } : {}), ...(ipa !== undefined ? { ipa } : {}), ...(caseSensitive !== undefined ? { caseSensitive } : {}) })) };
  } catch (error) {
    throw new BriefingError('CONFIG_INVALID', 'templates/lexicon.json: default lexicon is not valid JSON', { cause: error });
  }
}
