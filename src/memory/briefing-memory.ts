import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { withFileLock } from '../platform/file-lock.js';
import type { Article } from '../ingest/article.js';
import { type BriefedStory, readStateFile, stateFileText } from './state-file.js';
import { identityOf, sameStory, storageKey, storyUrlKey, type StoryIdentity } from '../sources/story-identity.js';

/** Name of the state file in the output folder. */
export const MEMORY_FILE_NAME = '.briefing-state.json';

/** Most stories a state file keeps; the oldest briefed are forgotten first. */
export const MEMORY_MAX_STORIES = 5000;

/** The state file of an output folder: `<output>/.briefing-state.json`. */
export function memoryPath(outputDirectory: string): string {
  return join(outputDirectory, MEMORY_FILE_NAME);
}

/**
 * The record of stories already briefed, so that tomorrow's run over the
 * same feeds skips today's stories. Kept as JSON (`{ "version": 1,
 * "stories": [...] }`) in the output folder, see {@link memoryPath}.
 *
 * A story is known by its guid, its URL and a hash of its source and title:
 * the same guid, or the same page under another guid (a mirror feed), is the
 * same story (see {@link sameStory}).
 */
export class BriefingMemory {
  /** The state file. */
  readonly path: string;
  private stories: BriefedStory[] = [];
  private pending = new Map<string, BriefedStory>();
  private readonly guids = new Set<string>();
  private readonly byUrl = new Map<string, BriefedStory[]>();
  private readonly byHash = new Map<string, BriefedStory[]>();

  private constructor(path: string) {
    this.path = path;
  }

  /**
   * Reads the state file at `path`; a missing file is an empty memory.
   *
   * @throws BriefingError `OUTPUT_FAILED` ("<path>: not a briefing state
   *   file: …") for a corrupt file or one a newer version wrote
   */
  static async load(path: string): Promise<BriefingMemory> {
    const memory = new BriefingMemory(path);
    memory.replaceStories(await readStateFile(path));
    return memory;
  }

  /** How many stories are remembered, including those not saved yet. */
  get size(): number {
    return this.stories.length + [...this.pending.values()].filter((story) => !this.hasIdentity(story)).length;
  }

  /** True when `article` was briefed before (or remembered since loading). */
  has(article: Article): boolean {
    const identity = identityOf(article);
    return this.hasIdentity(identity) || [...this.pending.values()].some((story) => sameStory(story, identity));
  }

  /** Records `articles` as briefed in `episode` at `when`. Nothing is written until {@link save}. */
  remember(articles: readonly Article[], episode: string, when: Date): void {
    const briefedAt = when.toISOString();
    for (const article of articles) {
      const story: BriefedStory = { ...identityOf(article), title: article.title, episode, briefedAt };
      this.pending.set(storageKey(story), story);
    }
  }

  /**
   * Writes the remembered stories. Under a lock file beside the state file,
   * the file is read again and this memory's new stories merged in, so runs
   * saving at the same time all keep their stories; then only the newest
   * {@link MEMORY_MAX_STORIES} are kept and the file is replaced atomically
   * (temporary file and rename). Does nothing when nothing new was remembered.
   *
   * @throws BriefingError `OUTPUT_FAILED` when the file became unreadable,
   *   `OUTPUT_FAILED` when the lock stays held by another live run
   */
  async save(): Promise<void> {
    if (this.pending.size === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    await withFileLock(`${this.path}.lock`, async () => {
      const merged = mergeStories(await readStateFile(this.path), [...this.pending.values()]);
      await writeFileAtomic(this.path, stateFileText(merged));
      this.replaceStories(merged);
      this.pending.clear();
    });
  }

  private replaceStories(stories: BriefedStory[]): void {
    this.stories = stories;
    this.guids.clear();
    this.byUrl.clear();
    this.byHash.clear();
    for (const story of stories) {
      if (story.guid !== undefined) this.guids.add(story.guid);
      const url = story.url !== undefined ? storyUrlKey(story.url) : undefined;
      if (url !== undefined) append(this.byUrl, url, story);
      append(this.byHash, story.hash, story);
    }
  }

  private hasIdentity(identity: StoryIdentity): boolean {
    if (identity.guid !== undefined && this.guids.has(identity.guid)) return true;
    const url = identity.url !== undefined ? storyUrlKey(identity.url) : undefined;
    const candidates = [...(url !== undefined ? (this.byUrl.get(url) ?? []) : []), ...(this.byHash.get(identity.hash) ?? [])];
    return candidates.some((story) => sameStory(story, identity));
  }
}

/** One entry per story (the latest briefing wins), newest {@link MEMORY_MAX_STORIES} kept, oldest first. */
function mergeStories(saved: readonly BriefedStory[], added: readonly BriefedStory[]): BriefedStory[] {
  const byKey = new Map<string, BriefedStory>();
  for (const story of [...saved, ...added]) {
    const key = storageKey(story);
    const existing = byKey.get(key);
    if (!existing || Date.parse(story.briefedAt) >= Date.parse(existing.briefedAt)) byKey.set(key, story);
  }
  const sorted = [...byKey.values()].sort((a, b) => Date.parse(a.briefedAt) - Date.parse(b.briefedAt));
  return sorted.slice(Math.max(0, sorted.length - MEMORY_MAX_STORIES));
}

function append<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
