import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandEngine } from '../../../src/engines/command/command-engine.js';
import type { EngineOptions } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { rejection, thrown } from '../../helpers/expect-error.js';
import { FAKE_TTS } from '../../helpers/fake-tts-program.js';


const TEXT = 'The harbour reopened after the storm.';

describe('command engine', () => {
  let folder: string;
  let script: string;
  let log: string;
  let node: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'briefing-command-test-'));
    script = join(folder, 'fake-tts.mjs');
    log = join(folder, 'log.json');
    writeFileSync(script, FAKE_TTS);
    node = `'${process.execPath}' '${script}'`;
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const make = (command: string, options: EngineOptions['options'] = {}) => createCommandEngine({ options: { command, ...options } });
  const lastLog = (): { args: string[]; text: string; stdin: string; inputPath?: string; outPath?: string } =>
    JSON.parse(readFileSync(log, 'utf8'));

  it('passes {text} as one argument, reads the WAV written to {out}, and removes its temp folder', async () => {
    const engine = await make(`${node} --log '${log}' --voice {voice} --out {out} {text}`, { voices: 'amy,ryan' });
    expect(engine.defaultVoice).toBe('amy');
    expect(engine.capabilities).toMatchObject({ input: 'text', network: false, embedded: false, inputUnit: 'chars' });
    const result = await engine.synthesize({ input: TEXT, inputType: 'text', language: 'en', voice: 'ryan' });
    const entry = lastLog();
    expect(entry.args.slice(-1)).toEqual([TEXT]);
    expect(entry.args).toContain('ryan');
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(22050);
    expect(pcm16DurationMs(result.audio.data, 22050)).toBeCloseTo(fakeSpeechDurationMs(TEXT), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
    expect(existsSync(dirname(entry.outPath!))).toBe(false);
  });

  it('never lets article text reach a shell or become another argument', async () => {
    const hostile = `It's "quoted"; touch '${join(folder, 'pwned')}' && echo $(touch ${join(folder, 'pwned2')}) \`id\` --exit 3 | cat > /dev/null`;
    const engine = await make(`${node} --log '${log}' --out {out} {text}`);
    await engine.synthesize({ input: hostile, inputType: 'text', language: 'en' });
    const entry = lastLog();
    expect(entry.text).toBe(hostile);
    expect(entry.args.filter((arg) => arg === hostile)).toHaveLength(1);
    expect(existsSync(join(folder, 'pwned'))).toBe(false);
    expect(existsSync(join(folder, 'pwned2'))).toBe(false);
  });

  it('sends the input on stdin and reads the audio from stdout when the template has neither', async () => {
    const engine = await make(`${node} --log '${log}'`);
    const result = await engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' });
    expect(lastLog().stdin).toBe(TEXT);
    expect(result.audio).toMatchObject({ format: 'pcm16', sampleRate: 22050 });
  });

  it('writes {input} to a temp file for the program to read', async () => {
    const engine = await make(`${node} --log '${log}' --in {input} --out {out}`, { input: 'ssml', ssmlTags: 'speak,break' });
    expect(engine.capabilities).toMatchObject({ input: 'ssml', ssmlTags: ['speak', 'break'] });
    expect(engine.capabilities.dialect).toBeUndefined();
    const ssml = '<speak>Hello <break time="300ms"/> world</speak>';
    await engine.synthesize({ input: ssml, inputType: 'ssml', language: 'en' });
    const entry = lastLog();
    expect(entry.text).toBe(ssml);
    expect(entry.inputPath).toMatch(/input\.ssml$/);
    expect(existsSync(entry.inputPath!)).toBe(false);
  });

  it('maps the pipeline rate onto {rate} and declares rate prosody', async () => {
    const engine = await make(`${node} --log '${log}' --rate {rate} --out {out} {text}`);
    expect(engine.capabilities.prosody).toEqual(['rate']);
    const result = await engine.synthesize({ input: TEXT, inputType: 'text', language: 'en', prosody: { rate: 1.25 } });
    expect(lastLog().args).toContain('1.25');
    if (result.audio.format !== 'pcm16') throw new Error('expected pcm16');
    expect(pcm16DurationMs(result.audio.data, 22050)).toBeCloseTo(fakeSpeechDurationMs(TEXT) / 1.25, -1);
  });

  it('reads raw PCM at the given sample rate', async () => {
    const engine = await make(`${node} --format raw {text}`, { format: 'raw', sampleRate: '22050' });
    const result = await engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' });
    expect(result.audio).toMatchObject({ format: 'pcm16', sampleRate: 22050 });
  });

  it('reports a non-zero exit with the last stderr line', async () => {
    const engine = await make(`${node} --exit 2 --voice {voice} {text}`, { voice: 'amy' });
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error.code).toBe('ENGINE_REQUEST_FAILED');
    expect(error.message).toBe(`command: ${process.execPath} exited with code 2: error: voice "amy" has no model file`);
  });

  it('reports a missing program as ENGINE_UNAVAILABLE naming it, when the engine is created', async () => {
    const error = await rejection(make('piper-that-is-not-installed --output_file {out}'));
    expect(error.code).toBe('ENGINE_UNAVAILABLE');
    expect(error.message).toBe('command: program "piper-that-is-not-installed" not found (is it installed and on PATH?)');
  });

  it('rejects a missing or malformed template with CONFIG_INVALID', async () => {
    expect((await rejection(createCommandEngine({ options: {} }))).code).toBe('CONFIG_INVALID');
    expect((await rejection(make(`${node} --out {out} 'unclosed`))).message).toContain('unclosed');
  });

  it('stops a program that runs past timeoutMs', async () => {
    const engine = await make(`${node} --sleep 10000 --out {out} {text}`, { timeoutMs: '300' });
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.message).toContain('timeout');
  });

  it('kills the program and rejects with ABORTED when aborted, then removes its files', async () => {
    const pidFile = join(folder, 'pid.txt');
    const engine = await make(`${node} --log '${log}' --pidfile '${pidFile}' --sleep 30000 --out {out} {text}`);
    const controller = new AbortController();
    const pending = engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }, controller.signal);
    await waitFor(() => existsSync(pidFile));
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).toBe('ABORTED');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor(() => !isRunning(pid));
    await waitFor(() => !existsSync(dirname(lastLog().outPath!)));
  });

  it('lists the configured voices', async () => {
    const engine = await make(`${node} {text}`, { voices: 'en_US-amy, en_GB-alan', language: 'en' });
    expect(await engine.voices()).toEqual([
      { id: 'en_US-amy', languages: ['en'] },
      { id: 'en_GB-alan', languages: ['en'] },
    ]);
    expect(engine.settings?.()).toEqual({ command: `${node} {text}`, input: 'text' });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
