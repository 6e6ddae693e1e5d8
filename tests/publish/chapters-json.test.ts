import { describe, expect, it } from 'vitest';
import { renderChaptersJson } from '../../src/publish/chapters-json.js';
import { repairCafeManifest } from './manifest-fixture.js';

describe('renderChaptersJson', () => {
  it('writes Podcasting 2.0 chapters sorted by start time in seconds, to the millisecond', () => {
    const manifest = repairCafeManifest();
    manifest.chapters = [
      { title: 'Weather', startMs: 65_432.6, endMs: 90_000, blockId: 's0-b9' },
      { title: 'Top  story\n', startMs: 0, endMs: 30_000.2, blockId: 's0-b0' },
      { title: 'Sport & <scores>', startMs: 30_000.2, endMs: 65_432.6, blockId: 's0-b5' },
      { title: '', startMs: 90_000, endMs: 96_000, blockId: 's0-b12' },
    ];
    const json = renderChaptersJson(manifest);
    expect(JSON.parse(json)).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Top story' },
        { startTime: 30, title: 'Sport & <scores>' },
        { startTime: 65.433, title: 'Weather' },
        { startTime: 90, title: 'Chapter 4' },
      ],
    });
    expect(json.endsWith('\n')).toBe(true);
  });

  it('takes the manifest chapters as they are', () => {
    const manifest = repairCafeManifest();
    const parsed = JSON.parse(renderChaptersJson(manifest)) as { chapters: { startTime: number; title: string }[] };
    expect(parsed.chapters.map((chapter) => chapter.title)).toEqual(manifest.chapters.map((chapter) => chapter.title));
    parsed.chapters.forEach((chapter, index) => {
      expect(chapter.startTime).toBe(Math.round(manifest.chapters[index]!.startMs) / 1000);
      if (index > 0) expect(chapter.startTime).toBeGreaterThan(parsed.chapters[index - 1]!.startTime);
    });
  });
});
