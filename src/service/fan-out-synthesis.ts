import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpegPath } from '../platform/ffmpeg.js';
import type { BriefingMemory } from '../memory/index.js';
import { prepareBriefing, type PreparedBriefing } from '../pipeline/prepare-briefing.js';
import { AudioCache } from '../synthesize/audio-cache.js';
import { synthesizeBlocks } from '../synthesize/synthesize-blocks.js';
import type { RenderedBlock } from '../ssml/render-block.js';
import { S3AudioCache } from './s3-audio-cache.js';
import { S3Store } from './s3-store.js';
import type { EpisodeJobData } from './episode-request.js';
import type { JobStories } from './read-job-input.js';
import { jobBuildOptions, type EpisodeWorkspace } from './episode-job.js';

/** A part of a fanned-out synthesis: the blocks `from` (inclusive) to `to` (exclusive) of the rendered briefing. */
export interface SynthesisPart {
  from: number;
  to: number;
}

async function withPrepared<T>(data: EpisodeJobData, workspace: EpisodeWorkspace, use: (prepared: PreparedBriefing, read: JobStories) => Promise<T>, memory?: BriefingMemory): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-part-'));
  try {
    const options = await jobBuildOptions(data, workspace, scratch, memory);
    const prepared = await prepareBriefing(options);
    try {
      return await use(prepared, options.read!);
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

/** A fan-out plan: the parts, and the stories read to make it, which the parts and the assembly use instead of reading them again. */
export interface SynthesisPlan {
  parts: SynthesisPart[];
  read: JobStories;
}

/** What a part made: its speech requests, how many the shared cache already held, and the seconds it spent synthesizing. */
export interface PartResult {
  requests: number;
  cacheHits: number;
  synthesisSeconds: number;
}

/**
 * Splits a job's briefing into parts of about `requestsPerPart` speech
 * requests each, cut between blocks; one part (or none) means the briefing
 * is short enough to build in one piece. A feed's stories in `memory`
 * (those briefed before) are left out, as the build would.
 */
export async function planSynthesisParts(data: EpisodeJobData, workspace: EpisodeWorkspace, requestsPerPart: number, memory?: BriefingMemory): Promise<SynthesisPlan> {
  return withPrepared(data, workspace, async (prepared, read) => {
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
    return { parts, read };
  }, memory);
}

/**
 * Synthesizes one part of a job's briefing into the shared cache, under the
 * same content-addressed keys the job's own build looks up, so that the
 * build that follows finds every piece made and only assembles.
 */
export async function synthesizePart(data: EpisodeJobData, workspace: EpisodeWorkspace, part: SynthesisPart, signal?: AbortSignal): Promise<PartResult> {
  const store = workspace.s3 ? await S3Store.open(workspace.s3) : undefined;
  try {
    return await synthesizeWith(data, workspace, part, store ? new S3AudioCache(workspace.cacheDirectory, store) : new AudioCache(workspace.cacheDirectory), signal);
  } finally {
    store?.close();
  }
}

async function synthesizeWith(data: EpisodeJobData, workspace: EpisodeWorkspace, part: SynthesisPart, cache: AudioCache, signal?: AbortSignal): Promise<PartResult> {
  return withPrepared(data, workspace, async (prepared) => {
    const started = performance.now();
    const output = await synthesizeBlocks(prepared.rendered.slice(part.from, part.to), prepared.engine, {
      cache,
      concurrency: Math.max(1, workspace.jobs ?? 1),
      ffmpegPath: resolveFfmpegPath(),
      ...(signal ? { signal } : {}),
    });
    const synthesisSeconds = (performance.now() - started) / 1000;
    await output.dispose();
    return { requests: output.stats.requests, cacheHits: output.stats.cacheHits, synthesisSeconds };
  });
}
