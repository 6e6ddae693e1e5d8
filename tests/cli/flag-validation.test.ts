import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
let story: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-flags-'));
  story = join(folder, 'story.txt');
  await writeFile(story, 'Short note\n\nThe bridge reopens on Friday.\n');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the command line refuses what the config file refuses', () => {
  const cases: [string[], RegExp][] = [
    [['--bitrate', '65'], /^briefing: --bitrate 65: expected one of 32, 40, .*320$/],
    [['--loudness', '0'], /^briefing: --loudness 0: must be at most -10$/],
    [['--true-peak', '3'], /^briefing: --true-peak 3: must be at most 0$/],
    [['--keep', '0'], /^briefing: --keep 0: must be at least 1$/],
    [['--keep', '1.5'], /^briefing: --keep 1.5: expected a whole number of episodes$/],
    [['--jobs', '0'], /^briefing: --jobs 0: must be at least 1$/],
    [['--jobs', 'abc'], /^briefing: --jobs: expected a number$/],
    [['--retries', '-1'], /^briefing: --retries -1: must be at least 0$/],
    [['--base-url', 'ftp://x'], /^briefing: --base-url ftp:\/\/x: expected an http or https address$/],
    [['--language', 'xx!!'], /^briefing: --language xx!!: expected a BCP 47 language tag/],
    [['--pause-title', '-5'], /^briefing: --pause-title -5: must be at least 0$/],
    [['--show', '  '], /^briefing: --show: must not be empty$/],
    [['--engine-option', 'speed=2'], /^briefing: flite: unknown engine option speed \(valid: voice\)$/],
    [['--engine', 'espeak', '--engine-option', 'pitch=3'], /^briefing: espeak: unknown engine option pitch \(valid: voice\)$/],
  ];
  it.each(cases)('%j: one line, exit 2, nothing written', async (flags, message) => {
    const output = join(folder, `out-${flags.join('-').replace(/\W+/g, '_')}`);
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(message);
    expect(existsSync(output)).toBe(false);
  });

  it('lists every valid key of a cloud engine for an unknown one, before any request', async () => {
    const run = await runBriefing(['build', story, '--dry-run', '--engine', 'openai', '--engine-option', 'voise=alloy'], { env: { OPENAI_API_KEY: 'sk-test' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^briefing: openai: unknown engine option voise \(valid: .*\bapiKey\b.*\bvoice\b.*\)$/);
  });

  it('gives a refused config file the same exit status and the same words', async () => {
    const config = join(folder, 'briefing.config.json');
    await writeFile(config, JSON.stringify({ bitrateKbps: 65 }));
    const run = await runBriefing(['build', story, '--config', config, '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^briefing: \S*briefing\.config\.json: bitrateKbps: expected one of 32, 40, .*320$/);
  });

  it('accepts good values', async () => {
    const run = await runBriefing(['build', story, '--dry-run', '--json', '--bitrate', '96', '--loudness', '-18', '--jobs', '2', '--retries', '0', '--base-url', 'https://example.org/pod/', '--language', 'en-GB', '--engine-option', 'voice=rms']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
