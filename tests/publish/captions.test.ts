import { describe, expect, it } from 'vitest';
import { buildCaptionCues, renderSrt, renderWebVtt, type CaptionCue } from '../../src/publish/captions.js';
import type { Manifest } from '../../src/publish/manifest.js';
import { buildManifest, repairCafeManifest } from './manifest-fixture.js';
import { parseWebVtt, plainText } from './webvtt-parser.js';

const text = (cue: CaptionCue) => cue.lines.join(' ');
const length = (value: string) => Array.from(value).length;

/** The cues' text read in order, whitespace normalised. */
function readText(cues: CaptionCue[]): string {
  return cues.map(text).join(' ');
}

/** All the display text of the manifest in order. */
function spokenText(manifest: Manifest): string {
  return manifest.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text)).join(' ');
}

function expectReadable(cues: CaptionCue[], maxLineChars = 42) {
  for (const cue of cues) {
    expect(cue.lines.length, text(cue)).toBeGreaterThan(0);
    expect(cue.lines.length, text(cue)).toBeLessThanOrEqual(2);
    for (const line of cue.lines) expect(length(line), line).toBeLessThanOrEqual(maxLineChars);
  }
  for (let index = 1; index < cues.length; index += 1) {
    expect(cues[index]!.startMs).toBeGreaterThanOrEqual(cues[index - 1]!.endMs);
  }
}

describe('buildCaptionCues and renderWebVtt', () => {
  const manifest = repairCafeManifest();
  const cues = buildCaptionCues(manifest);
  const vtt = renderWebVtt(cues);
  const parsed = parseWebVtt(vtt);

  it('writes WebVTT that the reference parser reads without errors, cue for cue', () => {
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues).toHaveLength(cues.length);
    parsed.cues.forEach((cue, index) => {
      expect(cue.startTime * 1000).toBeCloseTo(cues[index]!.startMs, 6);
      expect(cue.endTime * 1000).toBeCloseTo(cues[index]!.endMs, 6);
      expect(plainText(cue.tree.children).replace(/\n/g, ' ')).toBe(text(cues[index]!));
    });
    expect(vtt).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/m);
  });

  it('shows every word of the display text once, in order', () => {
    expect(readText(cues)).toBe(spokenText(manifest));
  });

  it('keeps every cue within the readability rules the timing allows', () => {
    expectReadable(cues);
    for (const cue of parsed.cues) {
      const seconds = cue.endTime - cue.startTime;
      const characters = length(plainText(cue.tree.children).replace(/\n/g, ' '));
      expect(seconds, cue.text).toBeGreaterThanOrEqual(1);
      expect(seconds, cue.text).toBeLessThanOrEqual(7);
      expect(characters / seconds, cue.text).toBeLessThanOrEqual(17.05);
      expect(cue.text.split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('starts the first cue of each block where its first sentence starts', () => {
    for (const block of manifest.blocks) {
      const first = cues.find((cue) => cue.blockId === block.id);
      expect(first, block.id).toBeDefined();
      expect(Math.abs(first!.startMs - block.sentences[0]!.startMs)).toBeLessThanOrEqual(1);
      const parsedCue = parsed.cues.find((cue) => Math.abs(cue.startTime * 1000 - first!.startMs) < 0.5);
      expect(parsedCue, block.id).toBeDefined();
    }
  });

  it('marks quoted sentences with their speaker as <v>', () => {
    const voiced = parsed.cues.filter((cue) => cue.tree.children[0]?.name === 'v');
    expect(voiced.map((cue) => [cue.tree.children[0]!.value, plainText(cue.tree.children).replace(/\n/g, ' ')])).toEqual([
      ['Priya Shah', '“People kept telling us they had a drawer full of things they could'],
      ['Priya Shah', '“Now that drawer has somewhere to go.”'],
      ['Tom Okonkwo', '“A library lends knowledge.”'],
      ['Tom Okonkwo', '“This is the same thing with a screwdriver.”'],
    ]);
    expect(vtt).toContain('<v Priya Shah>“Now that drawer has somewhere to go.”</v>');
  });

  it('escapes &, < and > so that text never becomes markup or a timing line', () => {
    expect(vtt).toContain('Tools &amp; &lt;safety&gt; --&gt; first');
    expect(vtt).toContain('&lt;safe&gt;');
    const arrows = vtt.split('\n').filter((line) => line.includes('-->'));
    expect(arrows).toHaveLength(cues.length);
    for (const line of arrows) expect(line).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/);
    const heading = parsed.cues.map((cue) => plainText(cue.tree.children)).find((value) => value.startsWith('Tools'));
    expect(heading).toBe('Tools & <safety> --> first');
    expect(vtt).not.toMatch(/-->[^\n]*\n\n(?!\d)/);
  });

  it('splits a long sentence between words, evenly, when no clause boundary gives pieces that fit', () => {
    const block = manifest.blocks.find((candidate) => candidate.text.startsWith('The council gave'))!;
    const sentence = block.sentences[0]!;
    const pieces = cues.filter((cue) => cue.blockId === block.id && cue.startMs < sentence.endMs);
    expect(pieces).toHaveLength(2);
    expect(Math.abs(length(text(pieces[0]!)) - length(text(pieces[1]!)))).toBeLessThan(20);
  });

  it('splits a long sentence at a clause boundary and shares its time by characters', () => {
    const single = buildManifest({
      title: 'Clause',
      blocks: [
        {
          kind: 'paragraph',
          sentences: ['The council gave the project £2,500 for tools and insurance, and a local hardware shop donated soldering irons to the fixers.'],
        },
      ],
    });
    const sentence = single.blocks[0]!.sentences[0]!;
    const pieces = buildCaptionCues(single);
    expect(pieces).toHaveLength(2);
    expect(text(pieces[0]!)).toBe('The council gave the project £2,500 for tools and insurance,');
    expect(pieces[0]!.startMs).toBe(Math.round(sentence.startMs));
    const share = length(text(pieces[0]!)) / length(sentence.text);
    const boundary = sentence.startMs + (sentence.endMs - sentence.startMs) * share;
    expect(Math.abs(pieces[1]!.startMs - boundary)).toBeLessThan(80);
  });

  it('merges a very short sentence with its neighbour in the same block', () => {
    expect(cues.map(text)).toContain('Yes. They did.');
  });
});

describe('buildCaptionCues timing rules', () => {
  it('extends a fast or short cue into the silence after it, never past the next cue', () => {
    const manifest = buildManifest({
      title: 'Fast',
      blocks: [
        { kind: 'paragraph', sentences: [{ text: 'Rates rose by half a point again today.', msPerChar: 40, pauseAfterMs: 2000 }, 'Markets fell.'] },
        { kind: 'heading', sentences: [{ text: 'Next', pauseAfterMs: 100 }] },
        { kind: 'paragraph', sentences: ['Weather follows now.'] },
      ],
      blockPauseMs: 200,
    });
    const cues = buildCaptionCues(manifest);
    expectReadable(cues);
    const fast = cues[0]!;
    expect(length(text(fast)) / ((fast.endMs - fast.startMs) / 1000)).toBeLessThanOrEqual(17);
    expect(fast.endMs).toBeLessThanOrEqual(cues[1]!.startMs);
    cues.forEach((cue, index) => {
      const roomMs = (cues[index + 1]?.startMs ?? manifest.durationMs) - cue.startMs;
      expect(cue.endMs - cue.startMs, text(cue)).toBeGreaterThanOrEqual(Math.min(1000, roomMs));
    });
    const heading = cues.find((cue) => text(cue) === 'Next')!;
    expect(heading.endMs).toBe(cues[cues.indexOf(heading) + 1]!.startMs);
  });

  it('splits a sentence too long in time into cues of at most 7 s', () => {
    const manifest = buildManifest({
      title: 'Slow',
      blocks: [{ kind: 'paragraph', sentences: [{ text: 'Slowly, very slowly, the old ferry turned towards the harbour.', msPerChar: 160 }] }],
    });
    const cues = buildCaptionCues(manifest);
    expect(cues.length).toBeGreaterThan(1);
    for (const cue of cues) expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
    expect(cues.at(-1)!.endMs).toBe(Math.round(manifest.blocks[0]!.sentences[0]!.endMs));
    expect(readText(cues)).toBe(manifest.blocks[0]!.sentences[0]!.text);
  });

  it('times pieces by word timings when the sentence has them', () => {
    const manifest = buildManifest({
      title: 'Words',
      blocks: [
        {
          kind: 'paragraph',
          sentences: ['The committee met for six hours on Thursday, and in the end it voted to keep the old bus route for another year.'],
        },
      ],
    });
    const sentence = manifest.blocks[0]!.sentences[0]!;
    const words = sentence.text.split(' ');
    const timedWords = words.map((word, index) => ({ text: word, startMs: sentence.startMs + index * 100 + (index > 7 ? 1500 : 0), endMs: 0 }));
    Object.assign(sentence, { words: timedWords, endMs: timedWords.at(-1)!.startMs + 400 });
    const cues = buildCaptionCues(manifest);
    expect(cues).toHaveLength(2);
    expect(text(cues[0]!)).toBe('The committee met for six hours on Thursday,');
    expect(cues[1]!.startMs).toBe(Math.round(timedWords[8]!.startMs));
  });

  it('wraps lines at word boundaries, balanced, within a configured width', () => {
    const manifest = repairCafeManifest();
    const cues = buildCaptionCues(manifest, { maxLineChars: 32 });
    expectReadable(cues, 32);
    const twoLines = cues.filter((cue) => cue.lines.length === 2);
    expect(twoLines.length).toBeGreaterThan(0);
    for (const cue of twoLines) expect(Math.abs(length(cue.lines[0]!) - length(cue.lines[1]!))).toBeLessThanOrEqual(16);
    expect(readText(cues)).toBe(spokenText(manifest));
  });

  it('escapes a speaker name inside <v>', () => {
    const manifest = buildManifest({
      title: 'Speaker',
      blocks: [{ kind: 'quote', sentences: [{ text: '“We agree.”', speaker: 'Smith & <Jones>' }] }],
    });
    const vtt = renderWebVtt(buildCaptionCues(manifest));
    expect(vtt).toContain('<v Smith &amp; &lt;Jones&gt;>“We agree.”</v>');
    const parsed = parseWebVtt(vtt);
    expect(parsed.errors).toEqual([]);
    const annotation = parsed.cues[0]!.tree.children[0]!.value!;
    expect(annotation.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe('Smith & <Jones>');
  });

  it('voices the cues of quoted speech whose speaker only the block\'s quotes know, as the pipeline writes them', () => {
    const manifest = buildManifest({
      title: 'Speakers from quotes',
      blocks: [
        {
          kind: 'paragraph',
          sentences: [
            '"People kept telling us they had a drawer full of things," said Mara Voss, who runs the stall.',
            '"Now that drawer has somewhere to go."',
            'The stall opens on Saturdays and the mayor called it "a fine idea" on Monday.',
          ],
          quotes: [
            { text: 'People kept telling us they had a drawer full of things,', speech: 'x', speaker: 'Mara Voss' },
            { text: 'Now that drawer has somewhere to go.', speech: 'x', speaker: 'Mara Voss' },
            { text: 'a fine idea', speech: 'x', speaker: 'The Mayor' },
          ],
        },
        { kind: 'quote', speaker: 'Ines <Alvarez> & Co', sentences: ['We fix what others throw away.'] },
        { kind: 'paragraph', sentences: ['"Plain words," the notice said.'], quotes: [{ text: 'Plain words,', speech: 'x' }] },
      ],
    });
    const vtt = renderWebVtt(buildCaptionCues(manifest));
    const parsed = parseWebVtt(vtt);
    expect(parsed.errors).toEqual([]);
    const voices = parsed.cues.map((cue) => {
      const voice = cue.tree.children.find((node) => node.name === 'v');
      return [voice?.value?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), plainText(cue.tree.children).replace(/\n/g, ' ')];
    });
    expect(voices.filter(([voice]) => voice === 'Mara Voss').map(([, cueText]) => cueText).join(' ')).toContain('Now that drawer has somewhere to go.');
    expect(voices.some(([voice, cueText]) => voice === 'Mara Voss' && cueText!.includes('drawer full of things'))).toBe(true);
    expect(voices.find(([, cueText]) => cueText!.startsWith('The stall opens'))?.[0]).toBeUndefined();
    expect(voices.find(([, cueText]) => cueText === 'We fix what others throw away.')?.[0]).toBe('Ines <Alvarez> & Co');
    expect(voices.find(([, cueText]) => cueText!.startsWith('"Plain words,"'))?.[0]).toBeUndefined();
    expect(vtt).toContain('<v Ines &lt;Alvarez&gt; &amp; Co>We fix what others throw away.</v>');
  });

  it('rejects rules that make no sense', () => {
    expect(() => buildCaptionCues(repairCafeManifest(), { maxLines: 0 })).toThrow(/maxLines/);
    expect(() => buildCaptionCues(repairCafeManifest(), { minDurationMs: 8000 })).toThrow(/minDurationMs/);
  });
});

describe('renderSrt', () => {
  it('numbers the cues from 1 with hh:mm:ss,mmm times and a blank line after each', () => {
    const cues = buildCaptionCues(repairCafeManifest());
    const srt = renderSrt(cues);
    const entries = srt.trimEnd().split('\n\n');
    expect(entries).toHaveLength(cues.length);
    entries.forEach((entry, index) => {
      const [number, timing, ...lines] = entry.split('\n');
      expect(number).toBe(String(index + 1));
      expect(timing).toMatch(/^\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}$/);
      expect(lines).toEqual(cues[index]!.lines.map((line) => line.replace(/-->/g, '->')));
    });
    expect(srt.endsWith('\n')).toBe(true);
    expect(srt).toContain('Tools & <safety> -> first');
  });

  it('formats hours, minutes, seconds and milliseconds', () => {
    const srt = renderSrt([{ startMs: 3_723_004.4, endMs: 3_725_999.6, lines: ['Late cue'], blockId: 'b' }]);
    expect(srt).toBe('1\n01:02:03,004 --> 01:02:06,000\nLate cue\n');
    expect(renderWebVtt([{ startMs: 0, endMs: 1500, lines: ['A'], blockId: 'b' }])).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA\n');
  });
});
