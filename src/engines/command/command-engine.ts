/**
 * The local-command engine: any installed text-to-speech program, driven
 * through a command template.
 *
 * Recipes (`--engine command --engine-option command='…'`):
 *
 * - Piper (text on stdin, WAV file out):
 *   `piper --model en_US-lessac-medium.onnx --output_file {out}`
 *   (add `--length_scale {lengthScale}` to follow the pipeline's rate changes)
 * - macOS `say` (16-bit WAV at 22.05 kHz):
 *   `say -o {out} --data-format=LEI16@22050 -f {input}`
 *   (add `-v {voice}` with `--engine-option voices=Samantha,Daniel`, `-r {wpm}` for rate)
 * - Festival: `text2wave {input} -o {out}`
 * - A system eSpeak NG: `espeak-ng -w {out} -v {voice} -f {input}`
 *   (`-s {wpm}` for rate; with `--engine-option input=ssml` add `-m` for its SSML mode)
 *
 * @module
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BriefingError,
  engineEnvironment,
  optional,
  parseEngineOptions,
  SPEECH_ENGINE_SPEC,
  throwIfAborted,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type Voice,
} from '../kit/index.js';
import { audioFromProgramOutput } from './audio-output.js';
import { commandCapabilities } from './command-capabilities.js';
import { commandDefinition } from './command-definition.js';
import { fillTemplate, splitCommandTemplate, templateUses, type PlaceholderValues } from './command-template.js';
import { findProgram } from './find-program.js';
import { runProgram } from './run-program.js';

const ENGINE = 'command';

/**
 * Creates the local-command engine.
 *
 * Options (`--engine-option key=value`):
 * - `command` (required): the template. Placeholders: `{text}` / `{ssml}` (the
 *   input as one argument), `{input}` (path of a temporary file holding it),
 *   `{out}` (path of the audio file the program writes; without it the audio
 *   is read from standard output), `{voice}`, `{rate}` (speaking-rate
 *   multiplier, e.g. `1.1`), `{wpm}` (words a minute: `wpm` × rate) and
 *   `{lengthScale}` (1 / rate, Piper's `--length_scale`). Without `{text}`,
 *   `{ssml}` or `{input}` the input goes to standard input. The template is
 *   split into words like a shell command line (quotes respected) and run
 *   without a shell: nothing in an article can become an argument or a command.
 * - `input`: `text` (default) or `ssml` (W3C SSML; `ssmlTags` = comma list of
 *   the tags the program honours, default `speak,p,s,break`).
 * - `format`: `wav`, `mp3` or `raw` (16-bit LE mono PCM); default: sniffed.
 * - `sampleRate`: Hz of `raw` output. `voices`: comma list of voice names
 *   (`voice` sets the default, else the first). `language`: language of those voices (default `en`).
 * - `wpm`: base words a minute for `{wpm}` (default 175). `maxInput`: characters a request (default 4000).
 * - `timeoutMs`: longest run (default 120000).
 *
 * Temporary files live in a fresh folder under the system temp folder and are
 * always removed. Aborting kills the program.
 */
export async function createCommandEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(commandDefinition.options, options.options);
  const env = engineEnvironment(options);
  const template = settings.command;
  if (!template) {
    throw new BriefingError('CONFIG_INVALID', "command: no command template: pass --engine-option command='program {out} …'");
  }
  const words = splitCommandTemplate(template);
  const program = words[0]!;
  if (/\{[A-Za-z]+\}/.test(program)) throw new BriefingError('CONFIG_INVALID', 'command: the program name cannot be a placeholder');
  if (!findProgram(program, env)) {
    throw new BriefingError('ENGINE_UNAVAILABLE', `command: program "${program}" not found (is it installed and on PATH?)`);
  }
  const { input: inputKind, format, sampleRate, language, wpm: wordsPerMinute, timeoutMs, maxInput, ssmlTags } = settings;
  const voiceList = settings.voices ?? [];
  const defaultVoice = settings.voice ?? voiceList[0] ?? 'default';
  const argumentInput = templateUses(words, 'text') || templateUses(words, 'ssml');
  const fileInput = templateUses(words, 'input');
  const fileOutput = templateUses(words, 'out');
  const followsRate = templateUses(words, 'rate') || templateUses(words, 'wpm') || templateUses(words, 'lengthScale');

  const capabilities = commandCapabilities({ input: inputKind, ssmlTags, maxInput, followsRate });

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: 'command-v1',
    defaultVoice,
    capabilities,

    async voices(): Promise<Voice[]> {
      const ids = voiceList.length > 0 ? voiceList : [defaultVoice];
      return ids.map((id) => ({ id, languages: [language] }));
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      throwIfAborted(ENGINE, signal);
      if (request.voice && voiceList.length > 0 && !voiceList.includes(request.voice)) {
        throw new BriefingError('VOICE_UNKNOWN', `command: no voice "${request.voice}" (voices: ${voiceList.join(', ')})`);
      }
      const folder = await mkdtemp(join(tmpdir(), 'briefing-command-'));
      let exited: Promise<void> = Promise.resolve();
      try {
        const rate = request.prosody?.rate ?? 1;
        const values: PlaceholderValues = {
          text: request.input,
          ssml: request.input,
          voice: request.voice ?? defaultVoice,
          rate: formatNumber(rate),
          wpm: String(Math.round(wordsPerMinute * rate)),
          lengthScale: formatNumber(1 / rate),
        };
        if (fileInput) {
          values.input = join(folder, inputKind === 'ssml' ? 'input.ssml' : 'input.txt');
          await writeFile(values.input, request.input, 'utf8');
        }
        if (fileOutput) values.out = join(folder, `out.${format ?? 'wav'}`);
        const run = runProgram({
          argv: fillTemplate(words, values),
          ...(argumentInput || fileInput ? {} : { stdin: request.input }),
          env,
          timeoutMs,
          ...optional('signal', signal),
        });
        exited = run.exited;
        const { stdout } = await run.result;
        const bytes = fileOutput ? await readOutputFile(values.out!, program) : stdout;
        return { audio: audioFromProgramOutput(bytes, format, sampleRate), warnings: [] };
      } finally {
        const cleanup = exited.then(() => rm(folder, { recursive: true, force: true })).catch(() => undefined);
        // After an abort the program may still be dying: answer now, remove its files once it is gone.
        if (!signal?.aborted) await cleanup;
      }
    },

    settings() {
      return { command: template, input: inputKind, ...optional('format', format), ...optional('sampleRate', sampleRate) };
    },
  };
}

async function readOutputFile(path: string, program: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `command: ${program} exited but wrote no audio file at {out}`, {
      cause: error,
    });
  }
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
