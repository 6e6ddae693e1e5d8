import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BriefingError, isBriefingError } from '../errors.js';
import { asDiskFull } from '../disk-full.js';
import { stageReporter, type RunContext } from '../platform/run-context.js';
import type { SpeechEngine, SynthesisResult } from '../engines/speech-engine.js';
import type { PlannedRequest, RenderedBlock } from '../ssml/render-block.js';
import { decodeToWav } from '../platform/ffmpeg.js';
import { decodeWav } from '../platform/wav.js';
import { AudioCache, cacheKey, type CachedPiece } from './audio-cache.js';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';
import { runLimited } from './run-limited.js';
import type { AudioPiece, SilencePiece, SynthesisStats, SynthesizedBlock } from './synthesized-block.js';

/** Progress of synthesis, reported after each request. */
export interface SynthesisProgress {
  done: number;
  total: number;
  /** Milliseconds of speech made so far (cached pieces included). */
  audioMs: number;
}

/** How to run synthesis. */
export interface SynthesizeOptions {
  /** Where pieces are kept between runs; a throw-away folder when absent. */
  cache?: AudioCache;
  /** Requests in flight at once. */
  concurrency: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onProgress?: (progress: SynthesisProgress) => void;
  /** ffmpeg, for decoding engines that return encoded audio. */
  ffmpegPath: string;
  /** Sample rate encoded audio is decoded to. */
  decodeSampleRate?: number;
  /** The run the warnings go to (stage `synthesize`): the engine's own, damaged cache entries. Without one they are not kept. */
  context?: RunContext;
}

/** What synthesis produced. */
export interface SynthesisOutput {
  blocks: SynthesizedBlock[];
  stats: SynthesisStats;
  /** Removes the throw-away cache, when one was made. */
  dispose(): Promise<void>;
}

type SpeechRequest = Extract<PlannedRequest, { kind: 'speech' }>;

interface Job {
  block: RenderedBlock;
  request: SpeechRequest;
  /** The speech request before this one; undefined for the first. */
  previous: SpeechRequest | undefined;
  /** The speech request after this one; undefined for the last. */
  next: SpeechRequest | undefined;
}

/** One block's audio while synthesis runs: each speech piece is a promise that settles when it is made. */
export interface PendingBlock {
  blockId: string;
  pieces: (Promise<AudioPiece> | SilencePiece)[];
}

/** Synthesis under way. */
export interface SynthesisRun {
  /** The blocks in order, their pieces settling as they are made (a consumer can start on the first while the rest are made). */
  blocks: PendingBlock[];
  /** Settles when every request has finished; rejects with the first failure. */
  finished: Promise<void>;
  stats: SynthesisStats;
  /** Removes the throw-away cache, when one was made. */
  dispose(): Promise<void>;
}

/**
 * Synthesizes every speech request of the rendered blocks through `engine`,
 * reusing cached pieces, with bounded concurrency and retries. The result is
 * in block order whatever order requests finish in.
 */
export async function synthesizeBlocks(
  rendered: readonly RenderedBlock[],
  engine: SpeechEngine,
  options: SynthesizeOptions,
): Promise<SynthesisOutput> {
  const run = await startSynthesis(rendered, engine, options);
  try {
    await run.finished;
  } catch (error) {
    await run.dispose();
    throw error;
  }
  const blocks: SynthesizedBlock[] = [];
  for (const block of run.blocks) {
    blocks.push({ blockId: block.blockId, pieces: await Promise.all(block.pieces) });
  }
  return { blocks, stats: run.stats, dispose: run.dispose };
}

/**
 * Starts synthesis and returns at once with a promise per piece, so the
 * audio can be assembled (and encoded) in order while later pieces are still
 * being made.
 */
export async function startSynthesis(
  rendered: readonly RenderedBlock[],
  engine: SpeechEngine,
  options: SynthesizeOptions,
): Promise<SynthesisRun> {
  let scratch: string | undefined;
  let cache = options.cache;
  if (!cache) {
    scratch = await mkdtemp(join(tmpdir(), 'briefing-pieces-'));
    cache = new AudioCache(scratch);
  }
  const dispose = async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  const stats: SynthesisStats = { requests: 0, cacheHits: 0, cacheMisses: 0, retries: 0, billedCharacters: 0 };
  const reporter = stageReporter(options.context, 'synthesize');
  const jobs: Job[] = [];
  const speechRequests = rendered.flatMap((block) =>
    block.requests.filter((request): request is SpeechRequest => request.kind === 'speech').map((request) => ({ block, request })),
  );
  speechRequests.forEach((entry, index) => {
    jobs.push({ ...entry, previous: speechRequests[index - 1]?.request, next: speechRequests[index + 1]?.request });
  });
  stats.requests = jobs.length;
  const settings = engine.settings?.() ?? {};
  let done = 0;
  let audioMs = 0;
  const report = () => options.onProgress?.({ done, total: jobs.length, audioMs });
  report();

  const synthesizeOne = async (job: Job): Promise<AudioPiece> => {
    const { request } = job;
    const key = requestCacheKey(engine, request, settings);
    const found = await cache.read(key);
    let stored: CachedPiece | undefined = found.status === 'hit' ? found.piece : undefined;
    if (found.status === 'damaged') {
      reporter.warn({
        code: 'CACHE_ENTRY_DAMAGED',
        message: `the cached audio of this block was damaged (${found.problem}): it was removed and synthesized again`,
        blockId: job.block.blockId,
      });
    }
    if (stored) {
      stats.cacheHits += 1;
    } else {
      stats.cacheMisses += 1;
      stats.billedCharacters += request.billedCharacters;
      const result = await withRetries(
        () =>
          engine.synthesize(
            {
              input: request.input,
              inputType: request.inputType,
              voice: request.voice,
              language: job.block.language,
              ...(request.prosody ? { prosody: request.prosody } : {}),
              ...(job.previous ? { previousText: job.previous.text } : {}),
              ...(job.next ? { nextText: job.next.text } : {}),
            },
            options.signal,
          ),
        options.retry ?? DEFAULT_RETRY_POLICY,
        options.signal,
        () => {
          stats.retries += 1;
        },
      ).catch((error: unknown) => {
        throw describeFailure(error, job, engine);
      });
      for (const warning of result.warnings) reporter.warn({ ...warning, blockId: job.block.blockId });
      const pcm = await toPcm(result, options, key);
      stored = await cache.put(key, pcm.sampleRate, pcm.data, result.words);
    }
    done += 1;
    audioMs += (stored.dataBytes / 2 / stored.sampleRate) * 1000;
    report();
    return {
      kind: 'audio',
      path: stored.path,
      sampleRate: stored.sampleRate,
      dataBytes: stored.dataBytes,
      sentences: request.sentences,
      sentenceWeights: request.weights,
      ...(stored.words ? { words: stored.words } : {}),
    };
  };

  const deferred = jobs.map(() => {
    let settle!: { resolve: (piece: AudioPiece) => void; reject: (error: unknown) => void };
    const promise = new Promise<AudioPiece>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A consumer may stop reading at the first failure; later rejections are not unhandled.
    promise.catch(() => {});
    return { promise, ...settle };
  });
  const finished = runLimited(jobs, options.concurrency, async (job, index) => {
    try {
      const piece = await synthesizeOne(job);
      deferred[index]!.resolve(piece);
      return piece;
    } catch (error) {
      deferred[index]!.reject(error);
      throw error;
    }
  }).then(
    () => undefined,
    (error: unknown) => {
      // Requests never started fail with the first failure, so no consumer waits forever.
      for (const entry of deferred) entry.reject(error);
      throw error;
    },
  );
  finished.catch(() => {});
  let cursor = 0;
  const blocks: PendingBlock[] = rendered.map((block) => ({
    blockId: block.blockId,
    pieces: block.requests.map((request) => (request.kind === 'silence' ? { kind: 'silence', ms: request.ms } : deferred[cursor++]!.promise)),
  }));
  return { blocks, finished, stats, dispose };
}

/** The content address of one request's audio: engine, version, voice, settings and the exact input. */
export function requestCacheKey(engine: SpeechEngine, request: SpeechRequest, settings: Record<string, unknown> = engine.settings?.() ?? {}): string {
  return cacheKey({
    engine: engine.id,
    engineVersion: engine.version,
    voice: request.voice,
    settings,
    inputType: request.inputType,
    input: request.input,
    prosody: request.prosody,
  });
}

function describeFailure(error: unknown, job: Job, engine: SpeechEngine): unknown {
  if (isBriefingError(error, 'ABORTED')) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = isBriefingError(error) ? error.code : 'ENGINE_REQUEST_FAILED';
  const prefix = message.startsWith(`${engine.id}:`) ? '' : `${engine.id}: `;
  return new BriefingError(code, `block ${job.block.blockId}: ${prefix}${message}`, { cause: error });
}

async function toPcm(result: SynthesisResult, options: SynthesizeOptions, key: string): Promise<{ sampleRate: number; data: Uint8Array }> {
  const audio = result.audio;
  if (audio.format === 'pcm16') return { sampleRate: audio.sampleRate, data: audio.data };
  if (audio.container === 'wav') {
    try {
      return decodeWav(audio.data, 'engine audio');
    } catch {
      // Not plain 16-bit mono PCM: let ffmpeg convert it below.
    }
  }
  const directory = await mkdtemp(join(tmpdir(), 'briefing-decode-')).catch((error: unknown) => {
    throw asDiskFull(error, tmpdir());
  });
  try {
    const input = join(directory, `${key}.${audio.container}`);
    const output = join(directory, `${key}.wav`);
    await writeFile(input, audio.data);
    await decodeToWav(input, output, options.decodeSampleRate ?? 24000, options.ffmpegPath, options.signal);
    return decodeWav(await readFile(output), 'decoded engine audio');
  } catch (error) {
    throw asDiskFull(error, tmpdir());
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
