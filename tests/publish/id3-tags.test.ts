import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { isBriefingError } from '../../src/errors.js';
import { writeEpisodeTags, type EpisodeTags } from '../../src/publish/id3-tags.js';
import { stripId3Tags } from '../../src/publish/strip-id3-tags.js';

const run = promisify(execFile);
const ffmpeg = resolveFfmpegPath();
const cover = new URL('../../templates/cover.png', import.meta.url).pathname;
let directory: string;

/** A 5-second mono 64 kbps MP3 made by ffmpeg, optionally with ffmpeg's own tag, comment and chapters. */
async function makeMp3(name: string, withOldTag = false): Promise<string> {
  const path = join(directory, name);
  const input = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=5'];
  if (!withOldTag) {
    await run(ffmpeg, ['-v', 'error', '-y', ...input, '-ac', '1', '-ar', '44100', '-b:a', '64k', path]);
    return path;
  }
  const metadata = join(directory, `${name}.txt`);
  await writeFile(
    metadata,
    ';FFMETADATA1\ntitle=Old title\nartist=Old artist\n' +
      '[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=Old one\n' +
      '[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=5000\ntitle=Old two\n',
  );
  await run(ffmpeg, [
    '-v', 'error', '-y', ...input, '-i', metadata, '-map', '0', '-map_metadata', '1', '-map_chapters', '1',
    '-metadata', 'comment=x', '-ac', '1', '-ar', '44100', '-b:a', '64k', path,
  ]);
  return path;
}

const episode: EpisodeTags = {
  title: 'Morning briefing: bridges & budgets',
  author: 'Eastbridge Gazette',
  show: 'The Eastbridge Briefing',
  date: '2025-03-01',
  description: 'Three stories from Eastbridge: the bridge vote, the budget, and the repair café.',
  durationMs: 5000,
  chapters: [
    { title: 'Weather & <traffic>', startMs: 1800.4, endMs: 3500 },
    { title: 'Top stories', startMs: 0, endMs: 1800.4 },
    { title: 'Sport — finally', startMs: 3500, endMs: 5000 },
  ],
  coverImage: cover,
};

type NativeTag = { id: string; value: unknown };
interface ChapterFrame {
  label: string;
  info: { startTime: number; endTime: number };
  frames: Map<string, unknown>;
}
interface TocFrame {
  label: string;
  flags: { topLevel: boolean; ordered: boolean };
  childElementIds: string[];
}

function id3Frames(metadata: IAudioMetadata): NativeTag[] {
  const versions = Object.keys(metadata.native).filter((key) => key.startsWith('ID3v2'));
  expect(versions).toHaveLength(1);
  return metadata.native[versions[0]!] as NativeTag[];
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-id3-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeEpisodeTags', () => {
  it('writes the podcast frames, a front cover, CHAP frames and one ordered top-level CTOC', async () => {
    const path = await makeMp3('episode.mp3');
    const audioBefore = await stripId3Tags(await readFile(path));
    const warnings = await writeEpisodeTags(path, episode);
    expect(warnings).toEqual([]);

    const metadata = await parseFile(path, { includeChapters: true });
    expect(metadata.common.title).toBe(episode.title);
    expect(metadata.common.artist).toBe(episode.author);
    expect(metadata.common.album).toBe(episode.show);
    expect(metadata.common.year).toBe(2025);
    expect(metadata.common.genre).toEqual(['Podcast']);
    expect(metadata.common.comment?.map((comment) => comment.text)).toEqual([episode.description]);
    expect(metadata.common.picture).toHaveLength(1);
    expect(metadata.common.picture![0]!.type).toBe('Cover (front)');
    expect(metadata.common.picture![0]!.format).toBe('image/png');
    expect(Buffer.from(metadata.common.picture![0]!.data).equals(await readFile(cover))).toBe(true);
    expect(metadata.format.duration).toBeGreaterThan(4.9);
    expect(metadata.format.duration).toBeLessThan(5.2);

    const frames = id3Frames(metadata);
    const value = (id: string) => frames.filter((frame) => frame.id === id).map((frame) => frame.value);
    expect(metadata.format.tagTypes).toContain('ID3v2.3');
    expect(value('TLEN')).toEqual(['5000']);
    expect(value('TYER')).toEqual(['2025']);
    expect(value('TDAT')).toEqual(['0103']);
    expect(value('COMM')).toEqual([{ language: 'eng', descriptor: '', text: episode.description }]);
    expect(frames.some((frame) => frame.id.startsWith('TXXX'))).toBe(false);

    const chapters = value('CHAP') as ChapterFrame[];
    expect(chapters.map((chapter) => [chapter.label, chapter.info.startTime, chapter.info.endTime, chapter.frames.get('TIT2')])).toEqual([
      ['chp0', 0, 1800, 'Top stories'],
      ['chp1', 1800, 3500, 'Weather & <traffic>'],
      ['chp2', 3500, 5000, 'Sport — finally'],
    ]);
    const tables = value('CTOC') as TocFrame[];
    expect(tables).toHaveLength(1);
    expect(tables[0]!.flags).toEqual({ topLevel: true, ordered: true });
    expect(tables[0]!.childElementIds).toEqual(['chp0', 'chp1', 'chp2']);
    expect(metadata.format.chapters?.map((chapter) => chapter.title)).toEqual(['Top stories', 'Weather & <traffic>', 'Sport — finally']);

    expect(Buffer.from(await stripId3Tags(await readFile(path))).equals(audioBefore)).toBe(true);
    expect((await readdir(directory)).filter((name) => name.includes('episode.mp3'))).toEqual(['episode.mp3']);
  });

  it('replaces the tag ffmpeg wrote, its TXXX comment and CHAP frames included', async () => {
    const path = await makeMp3('tagged.mp3', true);
    const before = id3Frames(await parseFile(path));
    expect(before.some((frame) => frame.id === 'TXXX:comment')).toBe(true);
    expect(before.filter((frame) => frame.id === 'CHAP')).toHaveLength(2);

    const { coverImage: _cover, author: _author, description: _description, ...bare } = episode;
    await writeEpisodeTags(path, bare);
    const metadata = await parseFile(path, { includeChapters: true });
    const frames = id3Frames(metadata);
    expect(metadata.format.tagTypes).toEqual(['ID3v2.3']);
    expect(frames.some((frame) => frame.id.startsWith('TXXX'))).toBe(false);
    expect(frames.some((frame) => ['TPE1', 'TSSE', 'APIC', 'COMM'].includes(frame.id))).toBe(false);
    expect(metadata.common.title).toBe(episode.title);
    const titles = (frames.filter((frame) => frame.id === 'CHAP').map((frame) => frame.value) as ChapterFrame[]).map((chapter) => chapter.frames.get('TIT2'));
    expect(titles).toEqual(['Top stories', 'Weather & <traffic>', 'Sport — finally']);
    expect(frames.filter((frame) => frame.id === 'CTOC')).toHaveLength(1);
    expect(metadata.format.duration).toBeGreaterThan(4.9);
  });

  it('keeps the first 255 chapters and says so', async () => {
    const path = await makeMp3('many.mp3');
    const chapters = Array.from({ length: 300 }, (_, index) => ({ title: `Part ${index + 1}`, startMs: index * 10, endMs: index * 10 + 10 }));
    const { coverImage: _cover, ...uncovered } = episode;
    const warnings = await writeEpisodeTags(path, { ...uncovered, chapters });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/255 of 300 chapters/);
    const frames = id3Frames(await parseFile(path));
    expect(frames.filter((frame) => frame.id === 'CHAP')).toHaveLength(255);
    const toc = frames.find((frame) => frame.id === 'CTOC')!.value as TocFrame;
    expect(toc.childElementIds).toHaveLength(255);
    expect(toc.childElementIds.at(-1)).toBe('chp254');
  });

  it('fails with OUTPUT_FAILED naming the file, and leaves the file as it was', async () => {
    const path = await makeMp3('untouched.mp3');
    const original = await readFile(path);
    const missingCover = join(directory, 'no-such-cover.png');
    await expect(writeEpisodeTags(path, { ...episode, coverImage: missingCover })).rejects.toSatisfy(
      (error: unknown) => isBriefingError(error, 'OUTPUT_FAILED') && error.message.startsWith(`${missingCover}: `),
    );
    const notAnImage = join(directory, 'cover.txt');
    await writeFile(notAnImage, 'not an image');
    await expect(writeEpisodeTags(path, { ...episode, coverImage: notAnImage })).rejects.toThrow(/neither PNG nor JPEG/);
    await expect(writeEpisodeTags(path, { ...episode, date: '1 March 2025' })).rejects.toThrow(/YYYY-MM-DD/);
    expect((await readFile(path)).equals(original)).toBe(true);

    const text = join(directory, 'notes.mp3');
    await writeFile(text, 'These are not MPEG frames at all.');
    await expect(writeEpisodeTags(text, episode)).rejects.toSatisfy(
      (error: unknown) => isBriefingError(error, 'OUTPUT_FAILED') && error.message === `${text}: not an MP3 file (no MPEG audio frame after the tags)`,
    );
    await expect(writeEpisodeTags(join(directory, 'missing.mp3'), episode)).rejects.toThrow(/missing\.mp3: cannot read the MP3 \(ENOENT\)/);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a JPEG cover with its own MIME type', async () => {
    const path = await makeMp3('jpeg.mp3');
    const jpeg = join(directory, 'cover.jpg');
    await run(ffmpeg, ['-v', 'error', '-y', '-i', cover, '-vf', 'scale=300:300', jpeg]);
    await writeEpisodeTags(path, { ...episode, coverImage: jpeg });
    const metadata = await parseFile(path);
    expect(metadata.common.picture?.[0]?.format).toBe('image/jpeg');
    expect(metadata.common.picture?.[0]?.type).toBe('Cover (front)');
  });
});
