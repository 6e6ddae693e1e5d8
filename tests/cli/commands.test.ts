import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';
import { assertWellFormed } from '../helpers/xml.js';

let folder: string;
let story: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-commands-'));
  story = join(folder, 'story.txt');
  await writeFile(story, SHORT_STORY);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('briefing build --dry-run', () => {
  it('synthesizes nothing and prints the requests, billed characters, length and cost', async () => {
    const output = join(folder, 'dry');
    const run = await runBriefing(['build', story, '-o', output, '--dry-run', '--json', '--engine', 'polly', '--engine-option', 'engine=neural'], {
      env: { AWS_ACCESS_KEY_ID: 'AKIDDRYRUN', AWS_SECRET_ACCESS_KEY: 'dry', AWS_REGION: 'eu-west-1' },
    });
    expect(run.code).toBe(0);
    const estimate = JSON.parse(run.stdout) as { engine: string; requests: { billedCharacters: number }[]; billedCharacters: number; estimatedDurationMs: number; estimatedCostUsd: number; pricePerMillion: number };
    expect(estimate.engine).toBe('polly');
    expect(estimate.requests.length).toBeGreaterThan(0);
    expect(estimate.billedCharacters).toBe(estimate.requests.reduce((sum, request) => sum + request.billedCharacters, 0));
    expect(estimate.pricePerMillion).toBe(16);
    expect(estimate.estimatedCostUsd).toBeCloseTo((estimate.billedCharacters / 1e6) * 16, 4);
    expect(estimate.estimatedDurationMs).toBeGreaterThan(5000);
    expect(existsSync(output)).toBe(false);
  });
});

describe('the other commands', () => {
  it('segments prints the blocks as JSON with speakers and dropped text', async () => {
    const run = await runBriefing(['segments', story]);
    expect(run.code).toBe(0);
    const segments = JSON.parse(run.stdout) as { title: string; blocks: { kind: string; sentences: { runs: { quote?: boolean; speaker?: string }[] }[] }[]; dropped: { reason: string }[] };
    expect(segments.title).toBe('Harbour town opens new lifeboat station');
    expect(segments.blocks.flatMap((block) => block.sentences.flatMap((sentence) => sentence.runs)).find((run) => run.quote)?.speaker).toBe('Ruth Adeyemi');
  });

  it('ssml prints each request exactly as the engine gets it', async () => {
    const run = await runBriefing(['ssml', story, '--engine', 'espeak']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) assertWellFormed(line);
    expect(run.stdout).toContain("<emphasis level='moderate'>");
  });

  it('voices and engines list what there is', async () => {
    const voices = await runBriefing(['voices', '--engine', 'flite']);
    expect(voices.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(expect.arrayContaining(['slt', 'rms', 'awb', 'kal']));
    const english = await runBriefing(['voices', '--engine', 'espeak', '--language', 'en']);
    expect(english.stdout).toMatch(/^en-us\t/m);
    const engines = await runBriefing(['engines', '--json']);
    const listed = JSON.parse(engines.stdout) as { id: string; capabilities?: { maxInput: number } }[];
    expect(listed.map((engine) => engine.id)).toEqual(['flite', 'espeak', 'command', 'polly', 'google', 'azure', 'openai', 'elevenlabs']);
    expect(listed.every((engine) => (engine.capabilities?.maxInput ?? 0) > 0)).toBe(true);
  });

  it('cache info and clear report and empty the cache', async () => {
    const cache = join(folder, 'cache');
    const built = await runBriefing(['build', story, '-o', join(folder, 'cached'), '--cache', cache, '-q', '--no-feed']);
    expect(built.code).toBe(0);
    const info = await runBriefing(['cache', 'info', '--cache', cache]);
    expect(info.stdout).toMatch(/[1-9]\d* pieces/);
    await runBriefing(['cache', 'clear', '--cache', cache]);
    expect((await runBriefing(['cache', 'info', '--cache', cache])).stdout).toMatch(/\b0 pieces/);
  });

  it('init writes a starter config that every command then reads, and will not overwrite it', async () => {
    const config = join(folder, 'briefing.config.json');
    const first = await runBriefing(['init', '--config', config]);
    expect(first.code).toBe(0);
    const written = JSON.parse(await readFile(config, 'utf8')) as { show: unknown };
    expect(written.show).toBeDefined();
    const again = await runBriefing(['init', '--config', config]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists \(use --force to replace it\)/);
    await writeFile(config, JSON.stringify({ show: { explicit: 'maybe' } }));
    const broken = await runBriefing(['build', story, '--config', config]);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim()).toMatch(/briefing\.config\.json: show\.explicit: expected boolean/);
  });
});
