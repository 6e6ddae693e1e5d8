import type { Lexicon, LexiconEntry } from './lexicon.js';
import { tokenize, type Token } from './tokenize.js';

interface IndexedEntry {
  entry: LexiconEntry;
  /** The grapheme as tokens, compared token by token. */
  parts: string[];
}

/** Entries keyed by their first token, lower-cased; longest grapheme first. */
type LexiconIndex = Map<string, IndexedEntry[]>;

const indexCache = new WeakMap<Lexicon, LexiconIndex>();

function graphemeParts(grapheme: string): string[] {
  return tokenize(grapheme.trim()).map((token) => (token.kind === 'space' ? ' ' : token.text));
}

function buildIndex(lexicon: Lexicon): LexiconIndex {
  const index: LexiconIndex = new Map();
  for (const entry of lexicon.entries) {
    if (typeof entry?.grapheme !== 'string') continue;
    const parts = graphemeParts(entry.grapheme);
    if (parts.length === 0 || parts[0] === ' ') continue;
    const key = parts[0]!.toLowerCase();
    const list = index.get(key) ?? [];
    // A later entry for the same grapheme replaces an earlier one ("later wins").
    const same = list.findIndex((other) => sameGrapheme(other.entry, entry));
    if (same !== -1) list.splice(same, 1);
    list.push({ entry, parts });
    index.set(key, list);
  }
  for (const list of index.values()) {
    list.sort((a, b) => b.entry.grapheme.length - a.entry.grapheme.length);
  }
  return index;
}

function sameGrapheme(a: LexiconEntry, b: LexiconEntry): boolean {
  if (a.caseSensitive === true || b.caseSensitive === true) {
    return a.caseSensitive === b.caseSensitive && a.grapheme === b.grapheme;
  }
  return a.grapheme.toLowerCase() === b.grapheme.toLowerCase();
}

function lexiconIndex(lexicon: Lexicon): LexiconIndex {
  let index = indexCache.get(lexicon);
  if (index === undefined) {
    index = buildIndex(lexicon);
    indexCache.set(lexicon, index);
  }
  return index;
}

function tokenText(token: Token): string {
  return token.kind === 'space' ? ' ' : token.text;
}

function isWordLike(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'number' || token.kind === 'dotted');
}

interface Match {
  /** Tokens the grapheme covers. */
  length: number;
  /** True when the last token is the grapheme plus a possessive "'s" ("NATO's"). */
  possessive: boolean;
}

function sameText(written: string, wanted: string, caseSensitive: boolean): boolean {
  return caseSensitive ? written === wanted : written.toLowerCase() === wanted.toLowerCase();
}

/** How the grapheme matches the tokens from `start`, or undefined. */
function match(tokens: readonly Token[], start: number, candidate: IndexedEntry): Match | undefined {
  const caseSensitive = candidate.entry.caseSensitive === true;
  const { parts } = candidate;
  let possessive = false;
  for (let offset = 0; offset < parts.length; offset += 1) {
    const token = tokens[start + offset];
    if (token === undefined) return undefined;
    const written = tokenText(token);
    const wanted = parts[offset]!;
    if (sameText(written, wanted, caseSensitive)) continue;
    const isLast = offset === parts.length - 1;
    if (isLast && token.kind === 'word' && /'[sS]$/.test(written) && sameText(written.slice(0, -2), wanted, caseSensitive)) {
      possessive = true;
      continue;
    }
    return undefined;
  }
  const last = tokens[start + parts.length - 1]!;
  const next = tokens[start + parts.length];
  // Whole words only: "Nice" must not match the start of "Nicer" (tokens already end at word edges),
  // nor "1" the start of "1st".
  if (isWordLike(last) && isWordLike(next)) return undefined;
  return { length: parts.length, possessive };
}

function candidatesFor(index: LexiconIndex, token: Token): IndexedEntry[] | undefined {
  const key = token.text.toLowerCase();
  const direct = index.get(key);
  if (token.kind !== 'word' || !key.endsWith("'s")) return direct;
  const base = index.get(key.slice(0, -2));
  if (base === undefined) return direct;
  return direct === undefined ? base : [...direct, ...base].sort((a, b) => b.entry.grapheme.length - a.entry.grapheme.length);
}

/**
 * Replaces every stretch of tokens that a lexicon entry spells by one
 * `lexicon` token. Whole words only, longest entry first, case-insensitive
 * unless the entry says otherwise.
 */
export function applyLexicon(tokens: Token[], lexicon: Lexicon | undefined): Token[] {
  if (lexicon === undefined || lexicon.entries.length === 0) return tokens;
  const index = lexiconIndex(lexicon);
  const result: Token[] = [];
  for (let position = 0; position < tokens.length; ) {
    const token = tokens[position]!;
    const previous = tokens[position - 1];
    const glued = isWordLike(token) && isWordLike(previous);
    const candidates = token.kind === 'space' || glued ? undefined : candidatesFor(index, token);
    let found: Match | undefined;
    let entry: LexiconEntry | undefined;
    for (const candidate of candidates ?? []) {
      found = match(tokens, position, candidate);
      if (found !== undefined) {
        entry = candidate.entry;
        break;
      }
    }
    if (entry !== undefined && found !== undefined) {
      let written = '';
      for (let offset = 0; offset < found.length; offset += 1) written += tokenText(tokens[position + offset]!);
      if (found.possessive) written = written.slice(0, -2);
      result.push({ kind: 'lexicon', text: written, entry });
      if (found.possessive) result.push({ kind: 'word', text: "'s" });
      position += found.length;
    } else {
      result.push(token);
      position += 1;
    }
  }
  return result;
}
