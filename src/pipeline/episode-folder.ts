import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An episode being written. Files go to a hidden staging folder beside the
 * episode folder and are moved into place only by {@link commit}, the
 * manifest last: an interrupted build leaves nothing under a final name.
 */
export class EpisodeStaging {
  private constructor(
    readonly outputDirectory: string,
    readonly name: string,
    readonly directory: string,
  ) {}

  /** Makes the staging folder for episode `name` in `outputDirectory`. */
  static async create(outputDirectory: string, name: string): Promise<EpisodeStaging> {
    const directory = join(outputDirectory, `.${name}.partial-${randomUUID().slice(0, 8)}`);
    await mkdir(directory, { recursive: true });
    return new EpisodeStaging(outputDirectory, name, directory);
  }

  /** Path of a file inside the staging folder. */
  file(name: string): string {
    return join(this.directory, name);
  }

  /** The final episode folder. */
  get finalDirectory(): string {
    return join(this.outputDirectory, this.name);
  }

  /** Moves every staged file into the episode folder (replacing older ones), `manifest.json` last. */
  async commit(): Promise<string> {
    const target = this.finalDirectory;
    await mkdir(target, { recursive: true });
    const files = (await readdir(this.directory)).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
    for (const file of files) await rename(join(this.directory, file), join(target, file));
    await rm(this.directory, { recursive: true, force: true });
    return target;
  }

  /** Removes the staging folder and everything in it. */
  async discard(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }
}
