import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EPISODE_FILES } from '../publish/episode-files.js';
import type { Manifest } from '../publish/manifest.js';
import { templatePath } from '../publish/templates-folder.js';
import type { BuildOptions } from './build-options.js';

/** Most folders looked at for one slug, as many as {@link EpisodeStaging.commit} may use. */
const MAX_SUFFIX = 999;

/**
 * True when `outputDirectory` holds any folder of an episode dated `date`: only
 * then can a build be a rebuild of a finished episode, so a build into a folder
 * without one starts its engine's threads at once.
 */
export async function mayHoldEpisodeOf(outputDirectory: string, date: string): Promise<boolean> {
  try {
    return (await readdir(outputDirectory)).some((name) => name.startsWith(`${date}-`));
  } catch {
    return false;
  }
}

/**
 * The finished episode folder of exactly this content (`name`, `name-2`, … whose
 * manifest has `contentHash`), when every file its manifest lists is there at
 * its recorded size, none of `inputs` (cover image, music: files named by
 * path in the content hash) changed after the manifest was written, and it was
 * voiced by `engineVersion` (a manifest that does not say is taken as it is). A
 * rebuild of an unchanged article reuses it instead of synthesizing and
 * encoding again; one with an upgraded engine makes it again, in its place.
 */
export async function findFinishedEpisode(
  outputDirectory: string,
  name: string,
  contentHash: string,
  inputs: readonly string[],
  engineVersion?: string,
): Promise<{ directory: string; manifest: Manifest } | undefined> {
  for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
    const directory = join(outputDirectory, suffix === 1 ? name : `${name}-${suffix}`);
    let text: string;
    let written: number;
    try {
      ({ text, written } = await readManifestFile(directory));
    } catch (error) {
      // A gap ends the series of folders of this name; a folder without a manifest is another's and is skipped.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(directory))) return undefined;
      continue;
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(text) as Manifest;
    } catch {
      continue;
    }
    if (manifest.contentHash !== contentHash) continue;
    if (engineVersion !== undefined && manifest.engineVersion !== undefined && manifest.engineVersion !== engineVersion) return undefined;
    return (await isIntact(directory, manifest, written, inputs)) ? { directory, manifest } : undefined;
  }
  return undefined;
}

/**
 * The finished episode of `date` whose manifest recorded `rebuildKey` (see
 * `rebuildKey`), when it is intact as {@link findFinishedEpisode} checks: a
 * rebuild of unchanged files with unchanged settings finds it before reading
 * any article.
 */
export async function findEpisodeBuiltFrom(
  outputDirectory: string,
  date: string,
  rebuildKey: string,
  inputs: readonly string[],
): Promise<{ directory: string; manifest: Manifest } | undefined> {
  let names: string[];
  try {
    names = (await readdir(outputDirectory)).filter((name) => name.startsWith(`${date}-`));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const directory = join(outputDirectory, name);
    let manifest: Manifest;
    let written: number;
    try {
      const read = await readManifestFile(directory);
      // Only a manifest naming the key is parsed: most folders of the day are other episodes.
      if (!read.text.includes(rebuildKey)) continue;
      manifest = JSON.parse(read.text) as Manifest;
      written = read.written;
    } catch {
      continue;
    }
    if (manifest.rebuildKey !== rebuildKey) continue;
    return (await isIntact(directory, manifest, written, inputs)) ? { directory, manifest } : undefined;
  }
  return undefined;
}

/** An episode folder's manifest text and when it was written (what {@link isIntact} compares its inputs with); rejects as reading does. */
async function readManifestFile(directory: string): Promise<{ text: string; written: number }> {
  const path = join(directory, EPISODE_FILES.manifest);
  const [text, facts] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  return { text, written: facts.mtimeMs };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isIntact(directory: string, manifest: Manifest, written: number, inputs: readonly string[]): Promise<boolean> {
  if (!Array.isArray(manifest.files) || manifest.files.length === 0) return false;
  const checks = [
    ...manifest.files.map(async (file) => (await stat(join(directory, file.name))).size === file.bytes),
    ...inputs.map(async (input) => (await stat(input)).mtimeMs <= written),
  ];
  try {
    return (await Promise.all(checks)).every(Boolean);
  } catch {
    return false;
  }
}

/** The files a finished episode depends on by path (cover image, music): one changed since is a reason to build again. */
export function fileSettings(options: BuildOptions): string[] {
  const music = options.music ? [options.music.intro, options.music.outro, options.music.bed] : [];
  const cover = options.coverImage !== false ? [options.coverImage ?? templatePath('cover.png')] : [];
  return [...cover, ...music].filter((path): path is string => typeof path === 'string');
}
