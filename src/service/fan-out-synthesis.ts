import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpegPath } from '../platform/ffmpeg.js';
import { prepareBriefing, type PreparedBriefing } from '../pipeline/prepare-briefing.js';
import { AudioCache } from '../synthesize/audio-cache.js';
import { synthesizeBlocks } from '../synthesize/synthesize-blocks.js';
import type { RenderedBlock } from '../ssml/render-block.js';
import { S3AudioCache } from './s3-audio-cache.js';
import { S3Store } from './s3-store.js';
import type { EpisodeJobData } from './episode-request.js';
import { jobBuildOptions, type EpisodeWorkspace } from './run-episode-job.js';

/** A part of a fanned-out synthesis: the blocks `from` (inclusive) to `to` (exclusive) of the rendered briefing. */
export interface SynthesisPart {
  from: number;
  to: number;
}

async function withPrepared<T>(data: EpisodeJobData, workspace: EpisodeWorkspace, use: (prepared: PreparedBriefing) => Promise<T>): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-part-'));
  try {
    const prepared = await prepareBriefing(await jobBuildOptions(data, workspace, scratch));
    try {
      return await use(prepared);
    } finally {
      await prepared.engine.close?.();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function speechRequests(block: RenderedBlock): number {
  return block.requests.filter((request) => request.kind === 'speech').length;
}

/**
 * Splits a job's briefing into parts of about `requestsPerPart` speech
 * requests each, cut between blocks; one part (or none) means the briefing
 * is short enough to build in one piece.
 */
export async function planSynthesisParts(data: EpisodeJobData, workspace: EpisodeWorkspace, requestsPerPart: number): Promise<SynthesisPart[]> {
  return withPrepared(data, workspace, async (prepared) => {
    const parts: SynthesisPart[] = [];
    let from = 0;
    let count = 0;
    prepared.rendered.forEach((block, index) => {
      count += speechRequests(block);
      if (count >= requestsPerPart) {
        parts.push({ from, to: index + 1 });
        from = index + 1;
        count = 0;
      }
    });
    if (from < prepared.rendered.length) parts.push({ from, to: prepared.rendered.length });
    return parts;
  });
}

/**
 * Synthesizes one part of a job's briefing into the shared cache, under the
 * same content-addressed keys the job's own build looks up, so that the
 * build that follows finds every piece made and only assembles.
 */
export async function synthesizePart(data: EpisodeJobData, workspace: EpisodeWorkspace, part: SynthesisPart, signal?: AbortSignal): Promise<{ requests: number; cacheHits: number }> {
  const store = workspace.s3 ? await S3Store.open(workspace.s3) : undefined;
  try {
    return await synthesizeWith(data, workspace, part, store ? new S3AudioCache(workspace.cacheDirectory, store) : new AudioCache(workspace.cacheDirectory), signal);
  } finally {
    store?.close();
  }
}

async function synthesizeWith(data: EpisodeJobData, workspace: EpisodeWorkspace, part: SynthesisPart, cache: AudioCache, signal?: AbortSignal): Promise<{ requests: number; cacheHits: number }> {
  return withPrepared(data, workspace, async (prepared) => {
    const output = await synthesizeBlocks(prepared.rendered.slice(part.from, part.to), prepared.engine, {
      cache,
      concurrency: Math.max(1, workspace.jobs ?? 1),
      ffmpegPath: resolveFfmpegPath(),
      ...(signal ? { signal } : {}),
    });
    await output.dispose();
    return { requests: output.stats.requests, cacheHits: output.stats.cacheHits };
  });
}
