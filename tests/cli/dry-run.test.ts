import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

/** No cloud credentials at all: the variables are set empty, which the engines read as absent. */
const NO_CREDENTIALS: Record<string, string> = Object.fromEntries(
  ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'GOOGLE_API_KEY', 'GOOGLE_APPLICATION_CREDENTIALS', 'AZURE_SPEECH_KEY', 'AZURE_SPEECH_REGION', 'OPENAI_API_KEY', 'ELEVENLABS_API_KEY'].map((name) => [name, '']),
);

let folder: string;
let first: string;
let second: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-dry-'));
  first = join(folder, 'first.txt');
  second = join(folder, 'second.txt');
  await writeFile(first, 'Ferry news\n\nThe ferry leaves at noon. It returns at six.\n');
  await writeFile(second, 'Market news\n\nThe market opens at nine.\n');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('briefing build --dry-run', () => {
  it.each(['polly', 'google', 'azure', 'openai', 'elevenlabs'])('estimates %s without credentials and writes nothing', async (engine) => {
    const output = join(folder, `out-${engine}`);
    const run = await runBriefing(['build', first, '-o', output, '--dry-run', '--json', '--engine', engine], { env: NO_CREDENTIALS });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const estimate = JSON.parse(run.stdout) as { engine: string; billedCharacters: number };
    expect(estimate.engine).toBe(engine);
    expect(estimate.billedCharacters).toBeGreaterThan(0);
    expect(existsSync(output)).toBe(false);
  });

  it('lists each request under its story title with the kind of block', async () => {
    const run = await runBriefing(['build', first, second, '--dry-run']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const ferry = lines.indexOf('— Ferry news');
    const market = lines.indexOf('— Market news');
    expect(ferry).toBeGreaterThan(0);
    expect(market).toBeGreaterThan(ferry);
    expect(lines.slice(ferry + 1, market).some((line) => /^s0-\S+\tparagraph\t\d+\t\d+:\d\d$/.test(line))).toBe(true);
    expect(lines.some((line) => /^intro\tintro\t\d+/.test(line))).toBe(true);
    const json = await runBriefing(['build', first, second, '--dry-run', '--json']);
    const requests = (JSON.parse(json.stdout) as { requests: { blockId: string; kind: string; story?: string }[] }).requests;
    expect(requests.filter((request) => request.kind === 'paragraph').map((request) => request.story)).toContain('Market news');
  });
});
