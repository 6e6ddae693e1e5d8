import { createRequire } from 'node:module';
import { BriefingError } from '../../errors.js';
import { decodeWav } from '../../platform/wav.js';
import { loadWasmModule } from '../wasm-loader.js';
import {
  parseEngineOptions,
  SPEECH_ENGINE_SPEC,
  type EngineOptions,
  type SpeechEngine,
  type SsmlDialect,
  type SynthesisResult,
  type Voice,
} from '../kit/index.js';
import { embeddedEngineVersion, EMBEDDED_ENGINE_PACKAGES } from '../embedded-engine-packages.js';
import { espeakDefinition } from './espeak-definition.js';

const require = createRequire(import.meta.url);
const WASM_FILE = `${EMBEDDED_ENGINE_PACKAGES.espeak}/dist/espeak-ng.wasm`;

/** eSpeak NG reads standard SSML 1.1 (with `-m`); it needs nothing of its own. */
const ESPEAK_DIALECT: SsmlDialect = { name: 'espeak' };

/** SSML elements eSpeak NG honours with `-m`. */
export const ESPEAK_SSML_TAGS = ['speak', 'voice', 'prosody', 'say-as', 'mark', 's', 'p', 'sub', 'audio', 'emphasis', 'break'] as const;

interface EmscriptenInstance {
  FS: { readFile(path: string): Uint8Array };
}
type EmscriptenFactory = (settings: Record<string, unknown>) => Promise<EmscriptenInstance>;

let factory: Promise<EmscriptenFactory> | undefined;

function espeakFactory(): Promise<EmscriptenFactory> {
  factory ??= import(require.resolve(EMBEDDED_ENGINE_PACKAGES.espeak)).then((module: { default: EmscriptenFactory }) => module.default);
  return factory;
}

/**
 * Runs the eSpeak NG command line inside WebAssembly. The compiled module is
 * shared; each run gets a fresh instance because the program exits.
 */
async function runEspeak(args: string[]): Promise<{ instance: EmscriptenInstance; output: string[] }> {
  const [create, module] = await Promise.all([espeakFactory(), loadWasmModule(WASM_FILE)]);
  const output: string[] = [];
  const instance = await create({
    arguments: args,
    print: (line: string) => output.push(line),
    printErr: (line: string) => output.push(line),
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) {
      void WebAssembly.instantiate(module, imports).then(done);
      return {};
    },
  });
  return { instance, output };
}

let voiceList: Promise<EspeakVoice[]> | undefined;

/** A voice as `espeak-ng --voices` lists it, with the other language names it answers to. */
interface EspeakVoice extends Voice {
  aliases: string[];
}

/**
 * Parses `espeak-ng --voices` output. MBROLA voices are left out (this build
 * has no MBROLA), and so are variants, which are not voices of their own.
 */
export function parseEspeakVoices(lines: readonly string[]): EspeakVoice[] {
  const voices = new Map<string, EspeakVoice>();
  for (const line of lines) {
    const match = line.match(/^\s*\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/);
    if (!match) continue;
    const [, language, ageGender, name, file, others] = match as unknown as [string, string, string, string, string, string];
    if (file.startsWith('mb/') || file.startsWith('!v')) continue;
    const aliases = [...others.matchAll(/\(([^\s)]+)\s+\d+\)/g)].map((alias) => alias[1]!);
    const existing = voices.get(language);
    if (existing) {
      existing.aliases.push(...aliases);
      continue;
    }
    const gender = ageGender.endsWith('/F') ? 'female' : ageGender.endsWith('/M') ? 'male' : undefined;
    voices.set(language, {
      id: language,
      name: name.replace(/_/g, ' '),
      languages: [language, ...aliases],
      aliases: [file, ...aliases],
      ...(gender ? { gender } : {}),
    });
  }
  return [...voices.values()];
}

function listVoices(): Promise<EspeakVoice[]> {
  voiceList ??= runEspeak(['--voices']).then(({ output }) => parseEspeakVoices(output));
  return voiceList;
}

/** Creates the embedded eSpeak NG engine (WebAssembly), which takes SSML natively. */
export async function createEspeakEngine(options: EngineOptions = { options: {} }): Promise<SpeechEngine> {
  const { voice: configuredVoice } = await parseEngineOptions(espeakDefinition.options, options.options);
  const engine: SpeechEngine = {
    spec: SPEECH_ENGINE_SPEC,
    id: 'espeak',
    // eSpeak NG 1.51 as the installed build of it: audio made by another build is not reused.
    version: `1.51-wasm-${embeddedEngineVersion('espeak')}`,
    defaultVoice: configuredVoice ?? 'en',
    capabilities: {
      input: 'ssml',
      dialect: ESPEAK_DIALECT,
      ssmlTags: ESPEAK_SSML_TAGS,
      maxInput: 4000,
      inputUnit: 'chars',
      maxBreakMs: 20000,
      wordTimings: false,
      network: false,
      embedded: true,
    },
    async prepare() {
      await loadWasmModule(WASM_FILE);
    },
    async voices() {
      const voices = await listVoices();
      return voices.map(({ aliases: _aliases, ...voice }) => voice);
    },
    async synthesize(request, signal): Promise<SynthesisResult> {
      if (signal?.aborted) throw new BriefingError('ABORTED', 'espeak: synthesis aborted');
      const voice = request.voice ?? languageVoice(request.language) ?? engine.defaultVoice;
      const known = await listVoices();
      if (!known.some((candidate) => candidate.id === voice || candidate.aliases.includes(voice))) {
        throw new BriefingError('VOICE_UNKNOWN', `espeak: no voice "${voice}" (see: briefing voices --engine espeak)`);
      }
      const args = ['-v', voice, '-w', '/out.wav'];
      if (request.inputType === 'ssml') args.unshift('-m');
      const { instance, output } = await runEspeak([...args, request.input]);
      let wav: Uint8Array;
      try {
        wav = instance.FS.readFile('/out.wav');
      } catch (error) {
        throw new BriefingError('ENGINE_REQUEST_FAILED', `espeak: produced no audio${output.length ? `: ${output.at(-1)}` : ''}`, { cause: error });
      }
      if (signal?.aborted) throw new BriefingError('ABORTED', 'espeak: synthesis aborted');
      const pcm = decodeWav(wav, 'espeak');
      return { audio: { format: 'pcm16', sampleRate: pcm.sampleRate, data: pcm.data }, warnings: [] };
    },
  };
  return engine;
}

/** eSpeak voices are named by language; `en-GB` maps to `en-gb`, else its base. */
function languageVoice(language: string): string | undefined {
  const lower = language.toLowerCase();
  if (lower.startsWith('en-us')) return 'en-us';
  if (lower.startsWith('en')) return 'en';
  return lower;
}
