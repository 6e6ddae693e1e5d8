import type { SsmlDialect } from './ssml-dialect.js';

/** The version of the {@link SpeechEngine} contract this build speaks. */
export const SPEECH_ENGINE_SPEC = 'v1' as const;

/** One voice an engine offers. */
export interface Voice {
  /** Identifier passed back as `SynthesisRequest.voice`. */
  id: string;
  /** Human-readable name, when different from the id. */
  name?: string;
  /** BCP 47 languages the voice speaks, most specific first. */
  languages: string[];
  /** Gender, where the engine says. */
  gender?: 'female' | 'male' | 'neutral';
}

/** Something an engine could not honour in a request; never fatal. */
export interface EngineWarning {
  /** Stable short code, e.g. `SSML_UNSUPPORTED`. */
  code: string;
  /** Human-readable sentence, starting with the engine id. */
  message: string;
}

/**
 * What an engine's vendor charges, for `--dry-run` estimates. Users may
 * override it in the config (`prices`, keyed `engine` or `engine:tier`).
 */
export interface EnginePricing {
  /** US dollars per million billed characters (list price, before free allowances). */
  usdPerMillionCharacters: number;
  /** The price tier this engine runs at (a model or voice family), when the vendor has tiers. */
  tier?: string;
}

/** What an engine can do; the pipeline adapts what it sends to these. */
export interface EngineCapabilities {
  /** What the engine consumes: SSML documents, or plain text the pipeline "plays". */
  input: 'ssml' | 'text';
  /**
   * For SSML engines: the dialect to render, owned by the engine. Absent means
   * standard W3C SSML 1.1.
   */
  dialect?: SsmlDialect;
  /** SSML elements the engine honours natively (for `input: 'ssml'`). */
  ssmlTags?: readonly string[];
  /**
   * Longest request the engine accepts, in `inputUnit`s. A longer one is
   * rejected with `ENGINE_INPUT_TOO_LONG` or spoken whole, never cut short.
   */
  maxInput: number;
  /** How `maxInput` is counted: UTF-16 characters of text, characters excluding tags, or UTF-8 bytes. */
  inputUnit: 'chars' | 'billed-chars' | 'bytes';
  /** Longest `<break>` the engine honours, in milliseconds. */
  maxBreakMs?: number;
  /** True when results carry word timings. */
  wordTimings: boolean;
  /** True when the engine needs a network and credentials. */
  network: boolean;
  /**
   * Prosody controls a text engine offers for playing SSML emphasis:
   * `rate` (speaking rate multiplier) and/or `pitch` (relative pitch change).
   */
  prosody?: readonly ('rate' | 'pitch')[];
  /** True when synthesis is CPU-bound in this process (run it in worker threads). */
  embedded: boolean;
}

/** Prosody applied by the pipeline to a text engine request (emphasis played as prosody). */
export interface ProsodySettings {
  /** Speaking-rate multiplier; 1 is the voice's own rate, 0.9 is 10% slower. */
  rate?: number;
  /** Pitch change in percent; 0 is the voice's own pitch, 10 is 10% higher. */
  pitchPercent?: number;
}

/** One request to an engine. */
export interface SynthesisRequest {
  /** The SSML document or plain text, as `inputType` says. */
  input: string;
  inputType: 'ssml' | 'text';
  /** Voice id from {@link SpeechEngine.voices}; engines fall back to their default. */
  voice?: string;
  /** BCP 47 language of the text. */
  language: string;
  /** For text engines: prosody to apply to this request. */
  prosody?: ProsodySettings;
  /** Text spoken before this request (continuity hints for engines that take them). */
  previousText?: string;
  /** Text spoken after this request. */
  nextText?: string;
}

/** A word and where it is heard in the result. */
export interface WordTiming {
  word: string;
  startMs: number;
  endMs: number;
}

/** Audio an engine produced. */
export type SynthesizedAudio =
  /** Signed 16-bit little-endian mono PCM samples. */
  | { format: 'pcm16'; sampleRate: number; data: Uint8Array }
  /** An encoded file (WAV, MP3, OGG...); the pipeline decodes it with ffmpeg. */
  | { format: 'encoded'; container: string; data: Uint8Array };

/** The result of one request. */
export interface SynthesisResult {
  audio: SynthesizedAudio;
  /** Word timings relative to the start of this audio, when the engine gives them. */
  words?: WordTiming[];
  /** Things the engine could not honour. */
  warnings: EngineWarning[];
}

/**
 * A speech engine. Every engine, built-in or a user's own, implements this
 * contract and passes the conformance suite, `testSpeechEngine` from
 * `briefing/testing`.
 */
export interface SpeechEngine {
  /** Contract version; always {@link SPEECH_ENGINE_SPEC}. */
  readonly spec: typeof SPEECH_ENGINE_SPEC;
  /** Short stable id: `flite`, `espeak`, `polly`... */
  readonly id: string;
  /** Version of the engine itself (part of the cache key). */
  readonly version: string;
  /** Voice used when a request names none. */
  readonly defaultVoice: string;
  readonly capabilities: EngineCapabilities;
  /** What the vendor charges at this engine's settings; absent for a free engine or an unknown price. */
  readonly pricing?: EnginePricing;
  /** The voices the engine offers. */
  voices(): Promise<Voice[]>;
  /** Synthesize one request. Rejects with a `BriefingError`; honours `signal`. */
  synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult>;
  /** Settings that change the audio (beyond voice and input); part of the cache key. */
  settings?(): Record<string, unknown>;
  /** Release resources (worker threads, sockets). */
  close?(): Promise<void>;
  /**
   * For embedded engines: load (compile) what synthesis needs now, so that
   * worker threads can share it instead of each loading it again.
   */
  prepare?(): Promise<void>;
  /**
   * Checks, without synthesizing, what synthesis will need that is only
   * looked up lazily (credentials from a provider chain, a region), so a
   * build fails before any work rather than at its first request. Rejects
   * with a `BriefingError` such as `ENGINE_CREDENTIALS_MISSING`.
   */
  verify?(signal?: AbortSignal): Promise<void>;
}

/** Engine options as the command line (strings) and config files (typed values) give them. */
export type RawEngineOptions = Record<string, string | number | boolean | undefined>;

/** Options every engine factory receives. */
export interface EngineOptions {
  /** Engine-specific options (`--engine-option key=value`, config file), checked by the engine's schema. */
  options: RawEngineOptions;
  /** Injected for network engines, so tests and proxies can replace it. */
  fetch?: typeof fetch;
  /** Environment to read credentials from (defaults to `process.env`). */
  env?: Record<string, string | undefined>;
}

/** A function that makes an engine; what a user's engine module exports. */
export type EngineFactory = (options: EngineOptions) => SpeechEngine | Promise<SpeechEngine>;
