import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import type { CorpusExpectation } from './corpus-files.js';

/** Folds text as the corpus README says: case, curly quotes, dashes and spacing do not count. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function emphasized(ssml: string): string[] {
  return [...ssml.matchAll(/<emphasis\b[^>]*>([\s\S]*?)<\/emphasis>/g)].map((match) => fold(decodeXml(match[1]!.replace(/<[^>]+>/g, ' '))));
}

/** Words only, for comparing speech across punctuation the SSML may drop. */
function words(text: string): string {
  return (fold(text).match(/[\p{L}\p{N}']+/gu) ?? []).join(' ');
}

/**
 * Checks a built episode against a corpus expectation, as a listener would:
 * against what is heard (the blocks' display text, the transcript and the
 * captions), the chapters, and the SSML the engine was sent.
 */
export async function checkEpisode(directory: string, manifest: Manifest, expected: CorpusExpectation): Promise<void> {
  const transcript = fold(await readFile(join(directory, 'transcript.txt'), 'utf8'));
  const captions = fold(await readFile(join(directory, 'episode.vtt'), 'utf8'));
  const heard = fold(manifest.blocks.map((block) => block.text).join('\n'));
  const speech = fold(manifest.blocks.map((block) => block.speech).join('\n'));

  if (expected.title) expect(fold(manifest.title)).toBe(fold(expected.title));
  if (expected.author) expect(manifest.author ?? manifest.stories[0]?.author).toBe(expected.author);
  if (expected.date) expect(manifest.publishedAt ?? manifest.stories[0]?.publishedAt).toMatch(new RegExp(`^${expected.date}`));
  if (expected.stories) {
    expect(manifest.stories.map((story) => fold(story.title))).toEqual(expected.stories.map(fold));
    const chapterTitles = manifest.chapters.map((chapter) => fold(chapter.title));
    for (const story of expected.stories) expect(chapterTitles).toContain(fold(story));
  }
  for (const chapter of expected.chapters ?? []) {
    expect(manifest.chapters.map((entry) => fold(entry.title))).toContain(fold(chapter));
  }
  for (const snippet of expected.spokenOnce ?? []) {
    expect(occurrences(heard, fold(snippet)), `spoken once: ${snippet}`).toBe(1);
  }
  for (const snippet of expected.notSpoken ?? []) {
    const folded = fold(snippet);
    expect(heard.includes(folded), `not spoken: ${snippet}`).toBe(false);
    expect(transcript.includes(folded), `not in the transcript: ${snippet}`).toBe(false);
    expect(captions.includes(folded), `not in the captions: ${snippet}`).toBe(false);
    expect(speech.includes(folded), `not sent to the engine: ${snippet}`).toBe(false);
  }
  for (const quote of expected.quotes ?? []) {
    const text = fold(quote.text);
    const holder = manifest.blocks.find((block) => block.quotes.some((candidate) => fold(candidate.text).includes(text)));
    expect(holder, `quote heard: ${quote.text}`).toBeDefined();
    const found = holder!.quotes.find((candidate) => fold(candidate.text).includes(text))!;
    if (quote.speaker !== null) expect(found.speaker, `speaker of: ${quote.text}`).toBe(quote.speaker);
    // The SSML carries the speech (numbers expanded), so the quote's own speech is what must be emphasised.
    expect(
      emphasized(holder!.ssml).some((span) => words(span).includes(words(found.speech))),
      `quote emphasised: ${quote.text}`,
    ).toBe(true);
  }
  if (expected.order) {
    let position = -1;
    for (const snippet of expected.order) {
      const found = heard.indexOf(fold(snippet), position + 1);
      expect(found, `in order: ${snippet}`).toBeGreaterThan(position);
      position = found;
    }
  }
}
