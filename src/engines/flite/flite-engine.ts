import { BriefingError } from '../../errors.js';
import { decodeWav } from '../../platform/wav.js';
import type { WasiCommand } from './wasi-command.js';
// From the kit's own modules, not its index: listing voices then loads no request or error helper.
import { parseEngineOptions } from '../kit/engine-options.js';
import { SPEECH_ENGINE_SPEC, type EngineOptions, type SpeechEngine, type SynthesisRequest, type SynthesisResult, type Voice } from '../spec/index.js';
import { embeddedEngineVersion, EMBEDDED_ENGINE_PACKAGES } from '../embedded-engine-packages.js';
import { fliteDefinition } from './flite-definition.js';

/** The voices compiled into the Flite WASI build. */
export const FLITE_VOICES: readonly Voice[] = [
  { id: 'slt', name: 'SLT (US English, female)', languages: ['en-US', 'en'], gender: 'female' },
  { id: 'rms', name: 'RMS (US English, male)', languages: ['en-US', 'en'], gender: 'male' },
  { id: 'awb', name: 'AWB (Scottish English, male)', languages: ['en-GB', 'en'], gender: 'male' },
  { id: 'kal', name: 'KAL (US English, male, diphone, 8 kHz)', languages: ['en-US', 'en'], gender: 'male' },
];

/**
 * Each voice's own mean pitch in Hz: emphasis raises the pitch relative to
 * it. `rms` ignores the pitch feature, so only its rate changes.
 */
const BASE_PITCH_HZ: Record<string, number> = { slt: 170, rms: 110, awb: 115, kal: 105 };

const WASM_FILE = `${EMBEDDED_ENGINE_PACKAGES.flite}/flite.wasm`;
const OUTPUT_FILE = 'speech.wav';
const INPUT_FILE = 'speech.txt';

/**
 * Flite's English front end reads ASCII: letters with accents lose them
 * (café → cafe), typographic quotes and dashes become their plain forms, and
 * anything else it could only misread is left out.
 */
export function asciiForFlite(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2000-\u200A\u202F]/g, ' ')
    .replace(/\u00DF/g, 'ss')
    .replace(/[\u00C6\u00E6]/g, (letter) => (letter === '\u00C6' ? 'AE' : 'ae'))
    .replace(/[\u0141\u0142]/g, (letter) => (letter === '\u0141' ? 'L' : 'l'))
    .replace(/[\u00D8\u00F8]/g, (letter) => (letter === '\u00D8' ? 'O' : 'o'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E\n\t]/g, ' ');
}

/** One reusable Flite per thread: every engine of a thread runs on it, one request at a time (a run is synchronous). */
let flite: Promise<WasiCommand> | undefined;

function fliteCommand(): Promise<WasiCommand> {
  // The start memory is read once per process and shared by every thread's instance (see WasiCommand).
  // The WASI host and the module loader are loaded with the first run: listing voices needs neither.
  flite ??= (async () => {
    const [{ loadWasmMemoryImage, loadWasmModule }, { WasiCommand }] = await Promise.all([import('../wasm-loader.js'), import('./wasi-command.js')]);
    const [module, image] = await Promise.all([loadWasmModule(WASM_FILE, { memoryImage: true }), loadWasmMemoryImage(WASM_FILE)]);
    return new WasiCommand(module, undefined, image);
  })();
  flite.catch(() => {
    flite = undefined;
  });
  return flite;
}

/**
 * Runs Flite once. Flite reads plain text only (its SSML mode hangs on some
 * input), so the pipeline plays SSML for it and passes prosody as features.
 * Runs reuse one instance from its pristine memory (see {@link WasiCommand}).
 */
async function runFlite(text: string, voice: string, request: SynthesisRequest): Promise<Uint8Array> {
  const command = await fliteCommand();
  const features: string[] = [];
  const rate = request.prosody?.rate ?? 1;
  if (rate !== 1) features.push('--setf', `duration_stretch=${(1 / rate).toFixed(3)}`);
  const pitch = request.prosody?.pitchPercent ?? 0;
  if (pitch !== 0) {
    const base = BASE_PITCH_HZ[voice] ?? 120;
    features.push('--setf', `int_f0_target_mean=${(base * (1 + pitch / 100)).toFixed(1)}`);
  }
  // The text goes in as a file: arguments are ASCII only, and Flite reads bytes, not UTF-8.
  const input = new TextEncoder().encode(` ${asciiForFlite(text)} `);
  const run = command.run(['flite', '-voice', voice, ...features, '-f', INPUT_FILE, '-o', OUTPUT_FILE], new Map([[INPUT_FILE, input]]));
  const output = run.files.get(OUTPUT_FILE);
  if (run.exitCode !== 0 || !output) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `flite: exited with status ${run.exitCode}${run.errors.length ? `: ${run.errors.at(-1)}` : ''}`);
  }
  return output;
}

/** Creates the embedded Flite engine (WASI), the default English engine. */
export async function createFliteEngine(options: EngineOptions = { options: {} }): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(fliteDefinition.options, options.options);
  const engine: SpeechEngine = {
    spec: SPEECH_ENGINE_SPEC,
    id: 'flite',
    // Flite 2.3 as the installed build of it: audio made by another build is not reused.
    version: `2.3-wasi-${embeddedEngineVersion('flite')}`,
    defaultVoice: settings.voice,
    capabilities: {
      input: 'text',
      maxInput: 2000,
      inputUnit: 'chars',
      wordTimings: false,
      network: false,
      prosody: ['rate', 'pitch'],
      embedded: true,
    },
    async voices() {
      return [...FLITE_VOICES];
    },
    async prepare() {
      await fliteCommand();
    },
    async synthesize(request, signal): Promise<SynthesisResult> {
      if (signal?.aborted) throw new BriefingError('ABORTED', 'flite: synthesis aborted');
      const voice = request.voice ?? engine.defaultVoice;
      if (!FLITE_VOICES.some((known) => known.id === voice)) {
        throw new BriefingError('VOICE_UNKNOWN', `flite: no voice "${voice}" (voices: ${FLITE_VOICES.map((v) => v.id).join(', ')})`);
      }
      if (request.inputType !== 'text') {
        throw new BriefingError('ENGINE_REQUEST_FAILED', 'flite: takes plain text, not SSML');
      }
      const text = request.input.trim();
      const wav = await runFlite(text.length > 0 ? text : ' ', voice, request);
      if (signal?.aborted) throw new BriefingError('ABORTED', 'flite: synthesis aborted');
      const pcm = decodeWav(wav, 'flite');
      return { audio: { format: 'pcm16', sampleRate: pcm.sampleRate, data: pcm.data }, warnings: [] };
    },
  };
  return engine;
}
