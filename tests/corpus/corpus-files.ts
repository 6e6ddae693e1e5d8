import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The shared corpus: the folder `shared/corpus` beside the checkout. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

if (!existsSync(CORPUS)) {
  throw new Error(`the corpus conformance suite needs the shared corpus at ${CORPUS}`);
}

/** Path of a corpus file. */
export function corpusFile(name: string): string {
  return join(CORPUS, name);
}

/** What `NAME.expected.json` says a listener must hear. */
export interface CorpusExpectation {
  title?: string;
  author?: string;
  date?: string;
  stories?: string[];
  chapters?: string[];
  spokenOnce?: string[];
  notSpoken?: string[];
  quotes?: { text: string; speaker: string | null }[];
  order?: string[];
}

/** Reads an article's expectations. */
export function expectationOf(name: string): CorpusExpectation {
  return JSON.parse(readFileSync(corpusFile(`${name}.expected.json`), 'utf8')) as CorpusExpectation;
}
