import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { wavHeader } from '../platform/wav.js';
import type { WordTiming } from '../engines/speech-engine.js';
import type { AudioPiece, SilencePiece } from '../synthesize/synthesized-block.js';
import { BriefingError } from '../errors.js';
import { readWavInfo } from '../synthesize/audio-cache.js';
import { decodeToWav } from '../platform/ffmpeg.js';
import { asDiskFull } from '../disk-full.js';

/** A block whose pieces may still be being made. */
export interface TimelineBlock {
  blockId: string;
  pieces: readonly (AudioPiece | SilencePiece | Promise<AudioPiece>)[];
}

function isSilence(piece: AudioPiece | SilencePiece | Promise<AudioPiece>): piece is SilencePiece {
  return !(piece instanceof Promise) && piece.kind === 'silence';
}

/** When a sentence is heard. */
export interface TimedSentence {
  index: number;
  startMs: number;
  endMs: number;
  /** Word timings within the episode, when the engine gave them. */
  words?: WordTiming[];
}

/** When a block is heard: from its first sound to the start of the next block. */
export interface TimedBlock {
  blockId: string;
  startMs: number;
  endMs: number;
  /** End of the block's speech, before the pause that follows it. */
  speechEndMs: number;
  sentences: TimedSentence[];
}

/** Where a stretch of the narration's PCM comes from: part of a file, or silence. */
export type TimelineSegment = { kind: 'file'; path: string; start: number; bytes: number } | { kind: 'silence'; samples: number };

/** The whole narration, with the time of every block and sentence. */
export interface Timeline {
  /** The narration as one WAV, when one was asked for. */
  wavPath?: string;
  sampleRate: number;
  durationMs: number;
  blocks: TimedBlock[];
  /** The narration's PCM in order, to stream it again without a WAV (see {@link streamSegments}). */
  segments: TimelineSegment[];
}

/** How to build a timeline. */
export interface TimelineOptions {
  /** Called with the narration's PCM (mono 16-bit) in order, as it is joined. */
  onAudio?: (pcm: Uint8Array, sampleRate: number) => Promise<void>;
  /**
   * A folder for pieces converted to the narration's sample rate, kept so
   * the segments can be streamed again; the caller removes it. Without one
   * they go to a folder removed when the timeline is built.
   */
  scratch?: string;
  /** Called with each stretch of the narration before its PCM goes to `onAudio`. */
  onSegment?: (segment: TimelineSegment) => void;
}

/**
 * Joins every piece, in order, into one mono stream at the first piece's
 * sample rate, reading pieces from their files as they are made, and writes
 * it as a WAV to `outputPath` when one is given. Times come from sample
 * counts, so they are exact: a block starts where its first sample is.
 */
export async function buildTimeline(
  blocks: readonly TimelineBlock[],
  outputPath: string | undefined,
  ffmpegPath: string,
  signal?: AbortSignal,
  options: TimelineOptions = {},
): Promise<Timeline> {
  const { onAudio } = options;
  const firstAudio = blocks.flatMap((block) => block.pieces).find((piece) => !isSilence(piece)) as AudioPiece | Promise<AudioPiece> | undefined;
  const sampleRate = firstAudio ? (await firstAudio).sampleRate : 22050;
  const scratch = options.scratch ?? (await mkdtemp(join(tmpdir(), 'briefing-timeline-')));
  const output = outputPath === undefined ? undefined : createWriteStream(outputPath);
  const write = async (chunk: Uint8Array) => {
    if (output && !output.write(chunk)) await once(output, 'drain');
    if (onAudio) await onAudio(chunk, sampleRate);
  };
  let samples = 0;
  const toMs = (count: number) => (count / sampleRate) * 1000;
  const timed: TimedBlock[] = [];
  const segments: TimelineSegment[] = [];
  try {
    // The header is not audio: it goes to the file only.
    if (output && !output.write(wavHeader(sampleRate, 0))) await once(output, 'drain');
    let converted = 0;
    for (const block of blocks) {
      const startSamples = samples;
      let speechEnd = samples;
      const sentences = new Map<number, TimedSentence>();
      for (const pending of block.pieces) {
        if (signal?.aborted) throw stopReason(signal);
        const piece = await untilStopped(pending, signal);
        if (piece.kind === 'silence') {
          const segment: TimelineSegment = { kind: 'silence', samples: Math.round((piece.ms / 1000) * sampleRate) };
          segments.push(segment);
          options.onSegment?.(segment);
          await streamSegment(segment, write);
          samples += segment.samples;
          continue;
        }
        let path = piece.path;
        let dataBytes = piece.dataBytes;
        if (piece.sampleRate !== sampleRate) {
          path = join(scratch, `${converted++}.wav`);
          await decodeToWav(piece.path, path, sampleRate, ffmpegPath, signal);
          dataBytes = (await readWavInfo(path))?.dataBytes ?? 0;
        }
        const pieceStart = samples;
        const segment: TimelineSegment = { kind: 'file', path, start: 44, bytes: dataBytes };
        segments.push(segment);
        options.onSegment?.(segment);
        await streamSegment(segment, write);
        samples += dataBytes / 2;
        speechEnd = samples;
        placeSentences(piece, pieceStart, samples, toMs, sentences);
      }
      timed.push({
        blockId: block.blockId,
        startMs: toMs(startSamples),
        endMs: toMs(samples),
        speechEndMs: toMs(speechEnd),
        sentences: [...sentences.values()].sort((a, b) => a.index - b.index),
      });
    }
    if (output && outputPath !== undefined) {
      output.end();
      await once(output, 'close');
      const handle = await open(outputPath, 'r+');
      try {
        await handle.write(wavHeader(sampleRate, samples * 2), 0, 44, 0);
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    if (output && outputPath !== undefined) {
      output.destroy();
      await rm(outputPath, { force: true });
    }
    throw asDiskFull(error, dirname(outputPath ?? scratch));
  } finally {
    if (options.scratch === undefined) await rm(scratch, { recursive: true, force: true });
  }
  return { ...(outputPath !== undefined ? { wavPath: outputPath } : {}), sampleRate, durationMs: toMs(samples), blocks: timed, segments };
}

/**
 * Streams the PCM of `segments` again, in order, to `write`: the first
 * `limitBytes` of it when a limit is given, else all of it.
 */
export async function streamSegments(segments: readonly TimelineSegment[], write: (chunk: Uint8Array) => Promise<void>, limitBytes = Number.POSITIVE_INFINITY): Promise<void> {
  let left = limitBytes;
  for (const segment of segments) {
    if (left <= 0) return;
    const bytes = segment.kind === 'file' ? segment.bytes : segment.samples * 2;
    const part = Math.min(bytes, left);
    await streamSegment(segment.kind === 'file' ? { ...segment, bytes: part } : { kind: 'silence', samples: Math.floor(part / 2) }, write);
    left -= part;
  }
}

async function streamSegment(segment: TimelineSegment, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  if (segment.kind === 'silence') return writeSilence(segment.samples, write);
  if (segment.bytes <= 0) return;
  const stream = createReadStream(segment.path, { start: segment.start, end: segment.start + segment.bytes - 1 });
  for await (const chunk of stream) await write(chunk as Buffer);
}

/** Why `signal` stopped the timeline: the failure that stopped it, or an interrupt. */
function stopReason(signal: AbortSignal): BriefingError {
  return signal.reason instanceof BriefingError ? signal.reason : new BriefingError('ABORTED', 'assembly aborted');
}

/** Awaits a piece still being made, unless `signal` stops the timeline first. */
function untilStopped(pending: AudioPiece | SilencePiece | Promise<AudioPiece>, signal?: AbortSignal): Promise<AudioPiece | SilencePiece> {
  if (!signal || !(pending instanceof Promise)) return Promise.resolve(pending);
  return new Promise((resolve, reject) => {
    const onStop = () => reject(stopReason(signal));
    signal.addEventListener('abort', onStop, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onStop));
  });
}

/** Shares a piece's time among the sentences it speaks, by their length. */
function placeSentences(
  piece: AudioPiece,
  startSamples: number,
  endSamples: number,
  toMs: (samples: number) => number,
  sentences: Map<number, TimedSentence>,
): void {
  const total = piece.sentenceWeights.reduce((sum, weight) => sum + weight, 0) || 1;
  let cursor = startSamples;
  const words = piece.words?.map((word) => ({
    word: word.word,
    startMs: toMs(startSamples) + word.startMs,
    endMs: toMs(startSamples) + word.endMs,
  }));
  piece.sentences.forEach((index, position) => {
    const share = ((piece.sentenceWeights[position] ?? 1) / total) * (endSamples - startSamples);
    const end = position === piece.sentences.length - 1 ? endSamples : cursor + share;
    const last = position === piece.sentences.length - 1;
    const mine = words?.filter((word) => word.startMs >= toMs(cursor) && (last || word.startMs < toMs(end)));
    const existing = sentences.get(index);
    if (existing) {
      existing.endMs = toMs(end);
      if (mine) existing.words = [...(existing.words ?? []), ...mine];
    } else {
      sentences.set(index, { index, startMs: toMs(cursor), endMs: toMs(end), ...(mine ? { words: mine } : {}) });
    }
    cursor = end;
  });
}

async function writeSilence(count: number, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const chunkSamples = 65536;
  const zeros = new Uint8Array(chunkSamples * 2);
  for (let left = count; left > 0; left -= chunkSamples) {
    await write(left >= chunkSamples ? zeros : zeros.subarray(0, left * 2));
  }
}
