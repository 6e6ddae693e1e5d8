import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBriefing } from '../../src/pipeline/prepare-briefing.js';
import { corpusFile } from './corpus-files.js';

const rows = readFileSync(corpusFile('normalization.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [sentence, pattern] = line.split('\t') as [string, string];
    return { sentence, pattern };
  });

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-normalization-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The words sent to the engine for the article's one paragraph: tags stripped, whitespace collapsed. */
async function spokenFor(sentence: string, engine: string, index: number): Promise<string> {
  const path = join(folder, `${engine}-${index}.txt`);
  await writeFile(path, `Speech check\n\n${sentence}\n`);
  const prepared = await prepareBriefing({ inputs: [path], engine });
  const position = prepared.blocks.findIndex((block) => block.kind !== 'title');
  const rendered = prepared.rendered[position]!;
  return rendered.requests
    .flatMap((request) => (request.kind === 'speech' ? [request.input] : []))
    .join(' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe.each(['flite', 'espeak'])('normalization table through %s', (engine) => {
  it.each(rows.map((row, index) => ({ ...row, index })))('$sentence', async ({ sentence, pattern, index }) => {
    const spoken = await spokenFor(sentence, engine, index);
    expect(spoken).toMatch(new RegExp(pattern, 'i'));
  });
});
