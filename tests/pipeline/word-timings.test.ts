import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/pipeline/build-briefing.js';
import { createToneEngine } from '../helpers/tone-engine.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-words-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('word timings from the engine', () => {
  it('reach the manifest and time the captions, from the cache too', async () => {
    const article = join(folder, 'words.md');
    await writeFile(article, '# Ferry timetable changes\n\nThe morning ferry now leaves at dawn. The evening ferry is unchanged.\n');
    const cache = join(folder, 'cache');
    const build = () =>
      buildBriefing({ inputs: [article], engine: createToneEngine({ wordTimings: true }), outputDirectory: join(folder, 'out'), cache, now: () => new Date('2026-05-04T06:00:00Z') });
    for (const round of ['cold', 'warm pieces']) {
      const { directory, manifest } = await build();
      const paragraph = manifest.blocks.find((block) => block.kind === 'paragraph')!;
      const [first, second] = paragraph.sentences;
      expect(first!.words?.map((word) => word.text), round).toEqual(['The', 'morning', 'ferry', 'now', 'leaves', 'at', 'dawn.']);
      expect(first!.words![0]!.startMs).toBeCloseTo(first!.startMs, 0);
      expect(second!.words![0]!.startMs).toBeCloseTo(second!.startMs, 0);
      for (const word of [...first!.words!, ...second!.words!]) {
        expect(word.startMs).toBeGreaterThanOrEqual(paragraph.startMs);
        expect(word.endMs).toBeLessThanOrEqual(paragraph.endMs);
      }
      const vtt = await readFile(join(directory, 'episode.vtt'), 'utf8');
      expect(vtt).toContain('The morning ferry now leaves at dawn.');
      // Drop the finished narration so the second round reassembles from cached pieces and their timings.
      await rm(join(cache, 'episodes'), { recursive: true, force: true });
    }
  });
});
