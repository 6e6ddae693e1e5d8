import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { prepareBriefing } from '../../src/pipeline/prepare-briefing.js';
import { billedCharacters } from '../../src/ssml/render-ssml.js';
import { runBriefing } from '../helpers/run-cli.js';
import { assertWellFormed, emphasizedTexts } from '../helpers/xml.js';
import { corpusFile } from './corpus-files.js';
import { fold } from './listener-check.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-hostile-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function build(name: string, extra: string[] = []) {
  const output = join(folder, name.replace(/\W/g, '-'));
  const run = await runBriefing(['build', corpusFile(`hostile/${name}`), '-o', output, '--no-cache', '--json', '--no-feed', ...extra]);
  return { run, output };
}

describe('hostile input that must be refused', () => {
  it.each([
    ['empty.txt', /empty\.txt: has no readable text/],
    ['whitespace.txt', /whitespace\.txt: has no readable text/],
    ['binary.bin', /binary\.bin: is not a text file/],
  ])('%s: one line naming the file, a non-zero exit, nothing written', async (name, message) => {
    const { run, output } = await build(name);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(output) ? await readdir(output) : []).toEqual([]);
  });
});

describe('hostile input that must still give a briefing', () => {
  it('invalid-utf8.txt: a briefing without the undecodable bytes and a warning naming the file', async () => {
    const { run } = await build('invalid-utf8.txt');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    expect(manifest.warnings.some((warning) => /invalid-utf8\.txt/.test(warning.message) || /invalid-utf8\.txt/.test(warning.source ?? ''))).toBe(true);
    expect(manifest.blocks.map((block) => block.text).join(' ')).not.toContain('\uFFFD');
    expect(fold(manifest.blocks.map((block) => block.text).join(' '))).toContain('with 31 votes');
  });

  it('injection.txt: tags are spoken as text; well-formed SSML, no audio, no long break, no article emphasis', async () => {
    const { run } = await build('injection.txt', ['--engine', 'espeak', '--max-pause', '2000']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    for (const block of manifest.blocks) {
      assertWellFormed(block.ssml);
      expect(block.ssml).not.toMatch(/<audio\b|<prosody\b/);
      for (const match of block.ssml.matchAll(/<break\b[^>]*time=['"]([\d.]+)(ms|s)['"]/g)) {
        expect(Number(match[1]) * (match[2] === 's' ? 1000 : 1)).toBeLessThanOrEqual(2000);
      }
      const emphasized = emphasizedTexts(block.ssml).join(' ');
      expect(emphasized).not.toMatch(/fake emphasis|fake slowness/);
    }
    const spoken = fold(manifest.blocks.map((block) => block.speech).join(' '));
    expect(spoken).toContain('fake emphasis');
    expect(spoken).toContain('fake slowness');
  });

  it('long-sentence.txt: every request within each engine limit, split without dropping a word', async () => {
    const source = readFileSync(corpusFile('hostile/long-sentence.txt'), 'utf8');
    const words = (text: string) => text.match(/[a-z]+/gi) ?? [];
    for (const engine of ['flite', 'espeak']) {
      const prepared = await prepareBriefing({ inputs: [corpusFile('hostile/long-sentence.txt')], engine });
      const limit = prepared.engine.capabilities.maxInput;
      const requests = prepared.rendered.flatMap((block) => block.requests.flatMap((request) => (request.kind === 'speech' ? [request] : [])));
      expect(requests.length).toBeGreaterThan(2);
      for (const request of requests) {
        const size = prepared.engine.capabilities.inputUnit === 'billed-chars' ? billedCharacters(request.input) : request.input.length;
        expect(size).toBeLessThanOrEqual(limit);
      }
      const sent = words(requests.map((request) => request.input.replace(/<[^>]+>/g, ' ')).join(' '));
      expect(sent.join(' ')).toBe(words(source).join(' '));
    }
    const { run } = await build('long-sentence.txt');
    expect(run.code).toBe(0);
  });

  it('unbalanced-quotes.txt: every word spoken, emphasis never spreads past its paragraph', async () => {
    const { run } = await build('unbalanced-quotes.txt');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    const source = readFileSync(corpusFile('hostile/unbalanced-quotes.txt'), 'utf8');
    const heard = fold(manifest.blocks.map((block) => block.text).join(' '));
    for (const word of fold(source).match(/[a-z]+/g) ?? []) expect(heard).toContain(word);
    const headline = manifest.blocks.find((block) => block.kind === 'title')!;
    expect(emphasizedTexts(headline.ssml)).toEqual([]);
    for (const block of manifest.blocks) {
      for (const span of emphasizedTexts(block.ssml)) expect(fold(block.text)).toContain(fold(span).replace(/[,.]$/, '').slice(0, 20));
    }
    const opposition = manifest.blocks.find((block) => /opposition leader/i.test(block.text))!;
    expect(emphasizedTexts(opposition.ssml).join(' ')).not.toMatch(/opposition leader said/i);
  });

  it('mixed-scripts.txt: accented names spoken, emoji and unspeakable scripts skipped with a warning', async () => {
    const { run } = await build('mixed-scripts.txt');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    const spoken = manifest.blocks.map((block) => block.speech).join(' ');
    for (const name of ['Łódź', 'Zoë Müller', 'José Núñez', 'Kraków', 'São Paulo']) expect(spoken).toContain(name);
    expect(spoken).not.toMatch(/[\u{1F300}-\u{1FAFF}]|[\u0600-\u06FF]|[\u4E00-\u9FFF]/u);
    expect(manifest.warnings.some((warning) => warning.code === 'TEXT_UNSPEAKABLE')).toBe(true);
  });
});
