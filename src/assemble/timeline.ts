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

/** The whole narration as one WAV, with the time of every block and sentence. */
export interface Timeline {
  wavPath: string;
  sampleRate: number;
  durationMs: number;
  blocks: TimedBlock[];
}

/**
 * Joins every piece, in order, into one mono WAV at the first piece's sample
 * rate, streaming through files. Times come from sample counts, so they are
 * exact: a block starts where its first sample is.
 */
export async function buildTimeline(
  blocks: readonly TimelineBlock[],
  outputPath: string,
  ffmpegPath: string,
  signal?: AbortSignal,
  onAudio?: (pcm: Uint8Array, sampleRate: number) => Promise<void>,
): Promise<Timeline> {
  const firstAudio = blocks.flatMap((block) => block.pieces).find((piece) => !isSilence(piece)) as AudioPiece | Promise<AudioPiece> | undefined;
  const sampleRate = firstAudio ? (await firstAudio).sampleRate : 22050;
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-timeline-'));
  const output = createWriteStream(outputPath);
  let started = false;
  const write = async (chunk: Uint8Array) => {
    if (!output.write(chunk)) await once(output, 'drain');
    // The header is not audio; everything after it is passed on.
    if (started && onAudio) await onAudio(chunk, sampleRate);
  };
  let samples = 0;
  const toMs = (count: number) => (count / sampleRate) * 1000;
  const timed: TimedBlock[] = [];
  try {
    await write(wavHeader(sampleRate, 0));
    started = true;
    let converted = 0;
    for (const block of blocks) {
      const startSamples = samples;
      let speechEnd = samples;
      const sentences = new Map<number, TimedSentence>();
      for (const pending of block.pieces) {
        if (signal?.aborted) throw stopReason(signal);
        const piece = await untilStopped(pending, signal);
        if (piece.kind === 'silence') {
          const count = Math.round((piece.ms / 1000) * sampleRate);
          await writeSilence(count, write);
          samples += count;
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
        await copyPcm(path, dataBytes, write);
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
    output.end();
    await once(output, 'close');
    const handle = await open(outputPath, 'r+');
    try {
      await handle.write(wavHeader(sampleRate, samples * 2), 0, 44, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    output.destroy();
    await rm(outputPath, { force: true });
    throw asDiskFull(error, dirname(outputPath));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { wavPath: outputPath, sampleRate, durationMs: toMs(samples), blocks: timed };
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

async function copyPcm(path: string, dataBytes: number, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  if (dataBytes <= 0) return;
  const stream = createReadStream(path, { start: 44, end: 44 + dataBytes - 1 });
  for await (const chunk of stream) await write(chunk as Buffer);
}
