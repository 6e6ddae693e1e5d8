import { basename } from 'node:path';
import type { Article } from '../ingest/article.js';
import { BriefingMemory, memoryPath } from '../memory/index.js';
import type { BuildResult } from './build-briefing.js';
import { markFeedStorySkip } from './rebuild-key.js';

/**
 * The stories a build leaves out because an earlier episode briefed them.
 * Only feed stories (they carry a guid) are remembered between runs: an
 * article named directly is always built.
 */
export function skipBriefedStories(memory: BriefingMemory): (article: Article) => boolean {
  return markFeedStorySkip((article: Article) => article.guid !== undefined && memory.has(article));
}

/** Records the feed stories of a built episode as briefed at `when`; nothing is written until `memory.save()`. */
export function rememberBriefedStories(memory: BriefingMemory, episode: BuildResult, when: Date): void {
  memory.remember(
    episode.articles.filter((article) => article.guid !== undefined),
    basename(episode.directory),
    when,
  );
}

/** {@link skipBriefedStories} of the state file in `outputDirectory` (none there: nothing is skipped). */
export async function skipStoriesBriefedIn(outputDirectory: string): Promise<(article: Article) => boolean> {
  return skipBriefedStories(await BriefingMemory.load(memoryPath(outputDirectory)));
}
