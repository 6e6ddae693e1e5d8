import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

const COMMANDS = ['build', 'segments', 'ssml', 'voices', 'cache', 'serve', 'init', 'engines', 'worker', 'api'];

describe('the command describes itself', () => {
  it('--version prints the version of the package it belongs to', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runBriefing(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it('--help lists every command; a command without its arguments is a usage error', async () => {
    const help = await runBriefing(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  briefing ${command}\\b`, 'm'));
    const missing = await runBriefing(['segments']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^briefing: Not enough non-option arguments/);
  });

  it("a command's --help shows the flags it shares with the others and its own", async () => {
    const run = await runBriefing(['build', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--engine-option', '--quote-emphasis', '--pause-story', '--dry-run', '--no-feed', '--base-url', '--config']) expect(run.stdout).toContain(flag);
    expect((await runBriefing(['voices', '--help'])).stdout).not.toContain('--dry-run');
  });
});
