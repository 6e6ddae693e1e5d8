import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Manifest } from '../../src/publish/manifest.js';
import { renderChaptersJson } from '../../src/publish/chapters-json.js';
import { buildManifest } from '../publish/manifest-fixture.js';

const run = promisify(execFile);

/** The bundled ffmpeg binary. */
export async function ffmpegPath(): Promise<string> {
  return (await import('@ffmpeg-installer/ffmpeg')).path;
}

/** A real MP3: a sine tone, mono, 44.1 kHz, 64 kbps CBR. */
export async function makeMp3(path: string, seconds: number, frequency = 440): Promise<void> {
  await run(await ffmpegPath(), [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=44100:duration=${seconds}`,
    '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '64k', path,
  ]);
}

/** A manifest of a small one-story episode, built at `createdAt`. */
export function episodeManifest(title: string, createdAt: string, extra: { standfirst?: string } = {}): Manifest {
  const manifest = buildManifest({
    title,
    blocks: [
      { kind: 'title', sentences: [title] },
      { kind: 'standfirst', sentences: [extra.standfirst ?? `What happened in ${title}.`] },
      { kind: 'paragraph', sentences: ['The first sentence.', 'The second sentence.'] },
      { kind: 'heading', sentences: ['More'] },
      { kind: 'paragraph', sentences: ['The end.'] },
    ],
  });
  return { ...manifest, createdAt, date: createdAt.slice(0, 10) };
}

/**
 * A finished episode folder `<outputDirectory>/<name>` with the files the
 * pipeline writes: MP3 (copied from `mp3`), captions, chapters, manifest.
 */
export async function writeEpisodeFolder(outputDirectory: string, name: string, manifest: Manifest, mp3: string): Promise<{ directory: string; manifest: Manifest }> {
  const directory = join(outputDirectory, name);
  await mkdir(directory, { recursive: true });
  const audio = await readFile(mp3);
  await writeFile(join(directory, 'episode.mp3'), audio);
  await writeFile(join(directory, 'episode.vtt'), 'WEBVTT\n\n00:00:00.480 --> 00:00:02.000\nHello.\n');
  await writeFile(join(directory, 'chapters.json'), renderChaptersJson(manifest));
  const withFiles: Manifest = { ...manifest, files: [{ name: 'episode.mp3', bytes: audio.length, durationMs: manifest.durationMs }] };
  await writeFile(join(directory, 'manifest.json'), `${JSON.stringify(withFiles, null, 2)}\n`);
  return { directory, manifest: withFiles };
}
