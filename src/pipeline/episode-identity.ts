import { createHash } from 'node:crypto';
import type { RenderedBlock } from '../ssml/render-block.js';
import { stableJson } from './stable-json.js';

/** What makes two builds the same episode. */
export interface EpisodeContent {
  title: string;
  /** The episode's date, YYYY-MM-DD. */
  date: string;
  /** Where each story came from (`source`, `guid`, `url`). */
  stories: readonly { source: string; guid?: string; url?: string }[];
  /** Display text of every block, by id and kind: what captions and transcript show. */
  blocks: readonly { id: string; kind: string; text: string }[];
  /** What the engine is asked for, pause by pause. */
  rendered: readonly RenderedBlock[];
  engine: string;
  engineOptions?: Readonly<Record<string, unknown>>;
  /** Everything else that changes the files: encoding, loudness, music, tags. */
  settings: Readonly<Record<string, unknown>>;
}

/** Engine options that may hold credentials: left out of the hash, which is written to the manifest. */
export const SECRET_OPTION = /key|secret|token|password|credential|auth/i;

/**
 * The content hash of an episode (SHA-256, first 32 hex digits): equal for
 * two builds of the same stories into the same words, voices, pauses and
 * encoding on the same day, different otherwise. An episode folder holding
 * an episode of the same hash is rebuilt in place; any other episode of the
 * same title and date gets a folder of its own.
 */
export function episodeContentHash(content: EpisodeContent): string {
  const options = Object.fromEntries(Object.entries(content.engineOptions ?? {}).filter(([key]) => !SECRET_OPTION.test(key)));
  const description = {
    title: content.title,
    date: content.date,
    stories: content.stories.map(({ source, guid, url }) => [source, guid ?? null, url ?? null]),
    blocks: content.blocks.map(({ id, kind, text }) => [id, kind, text]),
    rendered: content.rendered.map((block) => ({ id: block.blockId, language: block.language, ssml: block.ssml, requests: block.requests })),
    engine: content.engine,
    options,
    settings: content.settings,
  };
  return createHash('sha256').update(stableJson(description)).digest('hex').slice(0, 32);
}
