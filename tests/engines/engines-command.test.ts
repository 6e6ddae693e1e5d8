import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-engines-command-'));
  await writeFile(join(folder, 'story.txt'), 'Short note\n\nThe bridge reopens on Friday.\n');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Listed {
  id: string;
  capabilities?: { input: string; dialect?: string };
  pricing?: { usdPerMillionCharacters: number; tier?: string };
  credentials: string[];
  options: { type: string; additionalProperties: boolean; properties: Record<string, { type?: string; default?: unknown; description?: string; enum?: string[] }> };
}

describe('briefing engines --json', () => {
  it("prints each engine's options with their types, defaults and descriptions", async () => {
    const run = await runBriefing(['engines', '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as Listed[];
    const byId = new Map(listed.map((engine) => [engine.id, engine]));
    for (const engine of listed) {
      expect(engine.options.type).toBe('object');
      expect(engine.options.additionalProperties).toBe(false);
      for (const [name, option] of Object.entries(engine.options.properties)) expect(option.description, `${engine.id} ${name}`).toBeTruthy();
    }
    expect(byId.get('flite')!.options.properties.voice).toMatchObject({ type: 'string', default: 'slt' });
    expect(byId.get('polly')!.options.properties.engine).toMatchObject({ enum: ['standard', 'neural', 'long-form', 'generative'], default: 'neural' });
    expect(byId.get('google')!.options.properties.timepoints).toMatchObject({ type: 'boolean', default: false });
    expect(byId.get('command')!.options.properties.command).toMatchObject({ type: 'string' });
  });

  it('names dialects, credentials and list prices, all from the engine folders', async () => {
    const listed = JSON.parse((await runBriefing(['engines', '--json'])).stdout) as Listed[];
    const byId = new Map(listed.map((engine) => [engine.id, engine]));
    expect(byId.get('azure')).toMatchObject({ capabilities: { dialect: 'azure' }, credentials: ['AZURE_SPEECH_KEY', 'AZURE_SPEECH_REGION'], pricing: { usdPerMillionCharacters: 15 } });
    expect(byId.get('polly')).toMatchObject({ capabilities: { dialect: 'polly' }, pricing: { usdPerMillionCharacters: 16, tier: 'neural' } });
    expect(byId.get('espeak')).toMatchObject({ capabilities: { dialect: 'espeak' }, credentials: [] });
    expect(byId.get('openai')!.capabilities).toMatchObject({ input: 'text' });
    expect(byId.get('openai')!.capabilities!.dialect).toBeUndefined();
  });
});

describe('strict engine options on the command line', () => {
  it.each([
    [['--engine-option', 'voicee=en-gb'], /^briefing: flite: unknown engine option voicee \(valid: voice\)$/],
    [['--engine', 'polly', '--engine-option', 'engine=turbo'], /^briefing: polly: engine option engine must be one of standard, neural, long-form, generative, got "turbo" \(valid: .*\bengine\b.*\bwordTimings\b.*\)$/],
    [['--engine', 'openai', '--engine-option', 'speed=fast'], /^briefing: openai: engine option speed must be a number ≥ 0\.25 and ≤ 4, got "fast" \(valid: .*\bspeed\b.*\)$/],
    [['--engine', 'google', '--engine-option', 'timepoints=maybe'], /^briefing: google: engine option timepoints must be true or false, got "maybe" \(valid: .*\)$/],
  ])('%j: one line listing the valid options, exit 2', async (flags, message) => {
    const run = await runBriefing(['build', 'story.txt', '--dry-run', ...flags], { cwd: folder, env: { OPENAI_API_KEY: 'sk-test', GOOGLE_API_KEY: 'key' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(message);
  });
});
