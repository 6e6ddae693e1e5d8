import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';
import { assertWellFormed, emphasizedTexts } from '../helpers/xml.js';

let folder: string;
let article: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-quotes-'));
  article = join(folder, 'quotes.txt');
  await writeFile(
    article,
    [
      'Harbour wall',
      '',
      '"The wall will hold this winter," said engineer Tom Reyes. He added: "We checked every stone."',
      '',
      'The mayor called the repair “a good start” for the town, and the council agreed.',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The text of an SSML document, tags removed and references decoded. */
function textOf(ssml: string): string {
  return ssml.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe('quoted speech sent to the engine', () => {
  it('is emphasised without the quotation marks around it', async () => {
    const run = await runBriefing(['ssml', article, '--engine', 'espeak']);
    expect(run.code).toBe(0);
    const documents = run.stdout.trim().split('\n');
    for (const document of documents) assertWellFormed(document);
    const emphasized = documents.flatMap((document) => emphasizedTexts(document));
    expect(emphasized.join(' | ')).toMatch(/The wall will hold this winter.*We checked every stone.*a good start/);
    const text = documents.map(textOf).join(' ');
    expect(text).not.toMatch(/["“”]/);
    expect(text).toMatch(/said engineer Tom Reyes/);
  });

  it('transcript.txt writes what is heard: no speaker label before a quote block', async () => {
    const input = join(folder, 'block-quote.md');
    await writeFile(input, '# Repair cafe opens\n\nThe repair cafe opened on Saturday in the old library.\n\n> "We fixed thirty things on the first day," said Priya Shah.\n\nThe cafe opens again next month.\n');
    const output = join(folder, 'out');
    const run = await runBriefing(['build', input, '-o', output, '--no-cache', '--no-feed', '--json']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { blocks: { kind: string; quotes: { speaker?: string }[] }[] };
    expect(manifest.blocks.find((block) => block.kind === 'quote')?.quotes.map((quote) => quote.speaker)).toEqual(['Priya Shah']);
    const episode = (await readdir(output)).find((name) => /^\d{4}-/.test(name))!;
    const transcript = await readFile(join(output, episode, 'transcript.txt'), 'utf8');
    expect(transcript).toContain('\n\n"We fixed thirty things on the first day," said Priya Shah.\n\n');
    expect(transcript).not.toMatch(/Priya Shah:/);
  });
});
