import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
let broken: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-warnings-'));
  broken = join(folder, 'broken.txt');
  // Two bytes that are not UTF-8 in the middle of a sentence: dropped with a warning.
  await writeFile(broken, Buffer.concat([Buffer.from('Broken bytes\n\nThe mill '), Buffer.from([0xff, 0xfe]), Buffer.from(' reopened on Friday.\n')]));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('warnings reach the terminal', () => {
  it('build prints a short summary on stderr naming the input and the manifest', async () => {
    const run = await runBriefing(['build', broken, '-o', join(folder, 'out'), '--no-cache', '--no-feed']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^briefing: 1 warning \(see \d{4}-\d{2}-\d{2}-broken-bytes\/manifest\.json\):\n {2}- .*broken\.txt.*undecodable/m);
  });

  it('--quiet prints none; --json prints none on stderr and has them in the JSON', async () => {
    const quiet = await runBriefing(['build', broken, '-o', join(folder, 'quiet'), '--no-cache', '--no-feed', '-q']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const json = await runBriefing(['build', broken, '-o', join(folder, 'json'), '--no-cache', '--no-feed', '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as Manifest).warnings.map((warning) => warning.code)).toContain('INPUT_INVALID_UTF8');
  });

  it('--dry-run shows them too, and --dry-run --json carries them', async () => {
    const dry = await runBriefing(['build', broken, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/^briefing: 1 warning:\n {2}- .*undecodable/m);
    const json = await runBriefing(['build', broken, '--dry-run', '--json']);
    expect((JSON.parse(json.stdout) as { warnings: { code: string }[] }).warnings.map((warning) => warning.code)).toEqual(['INPUT_INVALID_UTF8']);
  });
});
