import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BriefingMemory, MEMORY_FILE_NAME, memoryPath } from '../memory/index.js';
import type { EpisodeWorkspace } from './episode-job.js';
import { S3Store } from './s3-store.js';

/**
 * The stories the shared store's episodes were made of, as they are now:
 * read from the shared folder, or from the bucket of an S3 store. A feed
 * job's reader leaves them out, as a local `briefing build` of a feed does.
 */
export async function loadSeenStories(workspace: EpisodeWorkspace): Promise<BriefingMemory> {
  if (!workspace.s3) return BriefingMemory.load(memoryPath(workspace.outputDirectory));
  const store = await S3Store.open(workspace.s3);
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-seen-'));
  try {
    const found = await store.get(MEMORY_FILE_NAME);
    if (found) await writeFile(join(scratch, MEMORY_FILE_NAME), found.body);
    return await BriefingMemory.load(memoryPath(scratch));
  } finally {
    store.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
