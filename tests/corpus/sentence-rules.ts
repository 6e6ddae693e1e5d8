import { readFileSync } from 'node:fs';
import { corpusFile } from './corpus-files.js';

/** One rule of a sentence-boundary suite: a text and the sentences it holds. */
export interface SentenceRule {
  id: number;
  name: string;
  input: string;
  expected: string[];
}

/** How a splitter did on a suite: rules passed, and the ids of those it failed. */
export interface SentenceScore {
  passed: number;
  total: number;
  failed: number[];
}

/** The English Golden Rules of pragmatic_segmenter, from the reference corpus. */
export function goldenRules(): SentenceRule[] {
  const path = corpusFile('reference/sentences/golden-rules-en.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { rules: SentenceRule[] }).rules;
}

/**
 * Scores a sentence splitter on rules the way the suite's keepers do: a rule
 * passes when the trimmed, non-empty sentences equal the expected ones exactly.
 */
export function scoreSentenceRules(rules: SentenceRule[], split: (text: string) => string[]): SentenceScore {
  const failed: number[] = [];
  for (const rule of rules) {
    const actual = split(rule.input).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
    const expected = rule.expected.map((sentence) => sentence.trim());
    if (actual.length !== expected.length || actual.some((sentence, index) => sentence !== expected[index])) {
      failed.push(rule.id);
    }
  }
  return { passed: rules.length - failed.length, total: rules.length, failed };
}
