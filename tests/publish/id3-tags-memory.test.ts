import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import NodeID3 from 'node-id3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';

const run = promisify(execFile);
/** The compiled tag writer, as `npm install` leaves it: run in a child so its peak memory is its own. */
const TAG_WRITER = fileURLToPath(new URL('../../dist/publish/id3-tags.js', import.meta.url));
const COPIES = 160;
let directory: string;
let mp3: string;
let audioBytes: number;
let audioHash: string;

/** SHA-256 of bytes `start` to the end of a file, streamed. */
async function hashFrom(path: string, start: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Length of the ID3v2 tag at the start of `path` (0 when none). */
async function leadingTagLength(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(10);
    await handle.read(header, 0, 10, 0);
    if (header.toString('latin1', 0, 3) !== 'ID3') return 0;
    return 10 + ((header[6]! << 21) | (header[7]! << 14) | (header[8]! << 7) | header[9]!);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-id3-memory-'));
  // One minute of sine with no tag and no Xing frame, repeated: a long CBR MP3 made in a moment.
  const piece = join(directory, 'piece.mp3');
  await run(resolveFfmpegPath(), ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=60', '-ac', '1', '-ar', '44100', '-b:a', '64k', '-id3v2_version', '0', '-write_xing', '0', piece]);
  const frames = await readFile(piece);
  const oldTag = NodeID3.create({ title: 'Old title', comment: { language: 'eng', text: 'x'.repeat(5000) } });
  mp3 = join(directory, 'long.mp3');
  const handle = await open(mp3, 'w');
  try {
    await handle.write(oldTag);
    for (let copy = 0; copy < COPIES; copy += 1) await handle.write(frames);
  } finally {
    await handle.close();
  }
  audioBytes = frames.length * COPIES;
  audioHash = await hashFrom(mp3, oldTag.length);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeEpisodeTags on a long MP3', () => {
  it('keeps peak memory far below the file size, round-trips the tag and leaves the audio bytes as they were', async () => {
    const size = (await stat(mp3)).size;
    expect(size).toBeGreaterThan(70_000_000);
    const durationMs = COPIES * 60_000;
    const chapters = Array.from({ length: 40 }, (_, index) => ({ title: `Story ${index + 1}`, startMs: index * 240_000, endMs: (index + 1) * 240_000 }));
    const script = `
      const { writeEpisodeTags } = await import(${JSON.stringify(TAG_WRITER)});
      const baselineRssBytes = process.resourceUsage().maxRSS * 1024;
      const warnings = await writeEpisodeTags(process.argv[1], JSON.parse(process.argv[2]));
      process.stdout.write(JSON.stringify({ warnings, baselineRssBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
    `;
    const tags = { title: 'Six hours of news', show: 'The Long Briefing', date: '2025-03-01', durationMs, chapters };
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, mp3, JSON.stringify(tags)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`tag writer exited ${code}: ${stderr}`))));
    });
    const { warnings, baselineRssBytes, maxRssBytes } = JSON.parse(output) as { warnings: string[]; baselineRssBytes: number; maxRssBytes: number };
    expect(warnings).toEqual([]);
    // Reading the file whole would add at least its size; streaming adds a few buffers.
    expect(maxRssBytes).toBeLessThan(size);
    expect(maxRssBytes - baselineRssBytes).toBeLessThan(size / 8);

    const tagLength = await leadingTagLength(mp3);
    expect((await stat(mp3)).size).toBe(tagLength + audioBytes);
    expect(await hashFrom(mp3, tagLength)).toBe(audioHash);

    const handle = await open(mp3, 'r');
    const tagBytes = Buffer.alloc(tagLength);
    await handle.read(tagBytes, 0, tagLength, 0);
    await handle.close();
    const read = NodeID3.read(tagBytes);
    expect(read.title).toBe('Six hours of news');
    expect(read.length).toBe(String(durationMs));
    expect(read.comment).toBeUndefined();
    expect(read.chapter?.map((chapter) => [chapter.elementID, chapter.startTimeMs, chapter.endTimeMs, chapter.tags?.title])).toEqual(
      chapters.map((chapter, index) => [`chp${index}`, chapter.startMs, chapter.endMs, chapter.title]),
    );
    expect(read.tableOfContents).toHaveLength(1);
    expect(read.tableOfContents![0]!.isOrdered).toBe(true);
    expect(read.tableOfContents![0]!.elements).toEqual(chapters.map((_, index) => `chp${index}`));
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
