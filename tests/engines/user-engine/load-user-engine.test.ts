import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUserEngine } from '../../../src/engines/user-engine/load-user-engine.js';
import { pcm16DurationMs } from '../../helpers/test-audio.js';
import { rejection } from '../../helpers/expect-error.js';

/** A complete engine module: a beep as long as the text has words (100 ms each). */
const ENGINE_BODY = `
  const capabilities = { input: 'text', maxInput: 1000, inputUnit: 'chars', wordTimings: false, network: false, embedded: false };
  function makeEngine(options) {
    return {
      spec: 'v1',
      id: 'beeper',
      version: '1.0.0',
      defaultVoice: options.options.voice ?? 'beep',
      capabilities,
      async voices() { return [{ id: 'beep', languages: ['en'] }]; },
      async synthesize(request) {
        const words = request.input.split(/\\s+/).filter(Boolean).length;
        const data = new Uint8Array(words * 1600 * 2);
        return { audio: { format: 'pcm16', sampleRate: 16000, data }, warnings: [] };
      },
    };
  }
`;

describe('loadUserEngine', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'briefing-user-engine-test-'));
    const write = (name: string, text: string): void => writeFileSync(join(folder, name), text);
    write('default-export.mjs', `${ENGINE_BODY}\nexport default makeEngine;`);
    write('named-export.mjs', `${ENGINE_BODY}\nexport async function createEngine(options) { return makeEngine(options); }`);
    write('common.cjs', `${ENGINE_BODY}\nmodule.exports = { createEngine: makeEngine };`);
    write('no-factory.mjs', 'export const engine = 42;');
    write('bad-spec.mjs', `${ENGINE_BODY}\nexport default (options) => ({ ...makeEngine(options), spec: 'v2' });`);
    write('bad-capabilities.mjs', `${ENGINE_BODY}\nexport default (options) => ({ ...makeEngine(options), capabilities: { ...capabilities, maxInput: 'lots' } });`);
    write('no-synthesize.mjs', `${ENGINE_BODY}\nexport default (options) => { const { synthesize, ...rest } = makeEngine(options); return rest; };`);
    write('throws.mjs', 'export default () => { throw new Error("model file missing\\nstack..."); };');
    write('broken-syntax.mjs', 'export default (options) => {');
    const packageFolder = join(folder, 'node_modules', 'briefing-engine-beeper');
    mkdirSync(packageFolder, { recursive: true });
    writeFileSync(join(packageFolder, 'package.json'), JSON.stringify({ name: 'briefing-engine-beeper', type: 'module', exports: { '.': { import: './index.js', default: './index.js' } } }));
    writeFileSync(join(packageFolder, 'index.js'), `${ENGINE_BODY}\nexport default makeEngine;`);
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('loads a default-export factory from a path relative to the working folder and uses it', async () => {
    const engine = await loadUserEngine('./default-export.mjs', { options: { voice: 'boop' } }, folder);
    expect(engine.id).toBe('beeper');
    expect(engine.defaultVoice).toBe('boop');
    const result = await engine.synthesize({ input: 'one two three', inputType: 'text', language: 'en' });
    if (result.audio.format !== 'pcm16') throw new Error('expected pcm16');
    expect(pcm16DurationMs(result.audio.data, 16000)).toBe(300);
  });

  it('loads a named createEngine export (async factory) from an absolute path', async () => {
    const engine = await loadUserEngine(join(folder, 'named-export.mjs'), { options: {} });
    expect(await engine.voices()).toEqual([{ id: 'beep', languages: ['en'] }]);
  });

  it('loads a CommonJS module exporting createEngine', async () => {
    expect((await loadUserEngine('./common.cjs', { options: {} }, folder)).id).toBe('beeper');
  });

  it('loads an installed package by name from the working folder', async () => {
    expect((await loadUserEngine('briefing-engine-beeper', { options: {} }, folder)).id).toBe('beeper');
  });

  it('reports a missing file or package as ENGINE_UNKNOWN', async () => {
    const file = await rejection(loadUserEngine('./nowhere.mjs', { options: {} }, folder));
    expect(file.code).toBe('ENGINE_UNKNOWN');
    expect(file.message).toContain('"./nowhere.mjs" not found');
    const pkg = await rejection(loadUserEngine('briefing-engine-that-does-not-exist', { options: {} }, folder));
    expect(pkg.code).toBe('ENGINE_UNKNOWN');
    expect(pkg.message).toContain('briefing-engine-that-does-not-exist');
  });

  it('reports a module without a factory as ENGINE_INVALID', async () => {
    const error = await rejection(loadUserEngine('./no-factory.mjs', { options: {} }, folder));
    expect(error.code).toBe('ENGINE_INVALID');
    expect(error.message).toBe(
      'engine module "./no-factory.mjs" exports no engine factory: its default export (or createEngine) must be a function',
    );
  });

  it('names the failing field when the factory returns no valid engine', async () => {
    const spec = await rejection(loadUserEngine('./bad-spec.mjs', { options: {} }, folder));
    expect(spec.code).toBe('ENGINE_INVALID');
    expect(spec.message).toMatch(/^engine module "\.\/bad-spec\.mjs" did not return a valid speech engine: spec: /);
    const capabilities = await rejection(loadUserEngine('./bad-capabilities.mjs', { options: {} }, folder));
    expect(capabilities.message).toContain('capabilities.maxInput');
    const synthesize = await rejection(loadUserEngine('./no-synthesize.mjs', { options: {} }, folder));
    expect(synthesize.message).toContain('synthesize: must be a function');
    for (const error of [spec, capabilities, synthesize]) expect(error.message).not.toContain('\n');
  });

  it('reports a factory that throws, or a module that does not load, as ENGINE_INVALID on one line', async () => {
    const thrown = await rejection(loadUserEngine('./throws.mjs', { options: {} }, folder));
    expect(thrown.code).toBe('ENGINE_INVALID');
    expect(thrown.message).toBe('engine module "./throws.mjs": the factory failed: model file missing');
    const broken = await rejection(loadUserEngine('./broken-syntax.mjs', { options: {} }, folder));
    expect(broken.code).toBe('ENGINE_INVALID');
    expect(broken.message).toMatch(/^engine module "\.\/broken-syntax\.mjs" failed to load: /);
    expect(broken.message).not.toContain('\n');
  });
});
