import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';
import { withFileLock } from '../platform/file-lock.js';
import { removeStaleStaging } from './stale-staging.js';
import { STAGING_OWNER_FILE, stagingFolderName, type StagingOwner } from './staging-owner.js';

/** Lock file in the output folder, held while an episode folder name is chosen and claimed. */
export const EPISODES_LOCK_FILE = '.episodes.lock';

/** Most folders tried for one slug (`slug`, `slug-2`, … `slug-999`). */
const MAX_SUFFIX = 999;

/**
 * What is in a folder where an episode could go: nothing (`free`), an episode
 * with a content hash, or something else (`other`: an episode built before
 * hashes were recorded, or a folder that is not an episode).
 */
type FolderState = { kind: 'free' } | { kind: 'episode'; contentHash: string } | { kind: 'other' };

async function folderState(directory: string): Promise<FolderState> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    throw error;
  }
  if (entries.length === 0) return { kind: 'free' };
  try {
    const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as { contentHash?: unknown };
    return typeof manifest.contentHash === 'string' ? { kind: 'episode', contentHash: manifest.contentHash } : { kind: 'other' };
  } catch {
    return { kind: 'other' };
  }
}

/**
 * An episode being written. Files go to a hidden staging folder beside the
 * episode folders, marked with the process that owns it, and are moved into
 * place only by {@link commit}: an interrupted build leaves nothing under a
 * final name, and a later build removes its staging folder once the owner
 * is gone (see {@link removeStaleStaging}).
 */
export class EpisodeStaging {
  private constructor(
    readonly outputDirectory: string,
    readonly name: string,
    readonly directory: string,
  ) {}

  /**
   * Makes the staging folder for an episode to be named `name` (or `name-2`,
   * … when that is taken) in `outputDirectory`, first removing the staging
   * folders of builds that died there.
   */
  static async create(outputDirectory: string, name: string): Promise<EpisodeStaging> {
    await mkdir(outputDirectory, { recursive: true });
    await removeStaleStaging(outputDirectory);
    const directory = join(outputDirectory, stagingFolderName(name, process.pid, randomUUID().slice(0, 8)));
    await mkdir(directory);
    const owner: StagingOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(directory, STAGING_OWNER_FILE), `${JSON.stringify(owner)}\n`);
    return new EpisodeStaging(outputDirectory, name, directory);
  }

  /** Path of a file inside the staging folder. */
  file(name: string): string {
    return join(this.directory, name);
  }

  /**
   * Moves the staged episode into its folder and returns the folder. Under a
   * lock on the output folder, the first of `name`, `name-2`, `name-3`, … that
   * is free or holds this same episode (same `contentHash` in its manifest)
   * is taken: a free one by renaming the staging folder, one of the same
   * episode by replacing its files, `manifest.json` last. A folder holding
   * another episode is never touched.
   */
  async commit(contentHash: string): Promise<string> {
    return withFileLock(join(this.outputDirectory, EPISODES_LOCK_FILE), async () => {
      await rm(this.file(STAGING_OWNER_FILE), { force: true });
      for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
        const target = join(this.outputDirectory, suffix === 1 ? this.name : `${this.name}-${suffix}`);
        const state = await folderState(target);
        if (state.kind === 'free') {
          await rm(target, { recursive: true, force: true });
          await rename(this.directory, target);
          return target;
        }
        if (state.kind === 'episode' && state.contentHash === contentHash) {
          await this.replaceFiles(target);
          return target;
        }
      }
      throw new BriefingError('OUTPUT_FAILED', `${join(this.outputDirectory, this.name)}: ${MAX_SUFFIX} episodes of this name already exist; remove some`);
    });
  }

  /** Removes the staging folder and everything in it. */
  async discard(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }

  private async replaceFiles(target: string): Promise<void> {
    const files = (await readdir(this.directory)).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
    for (const file of files) await rename(join(this.directory, file), join(target, file));
    await rm(this.directory, { recursive: true, force: true });
  }
}
