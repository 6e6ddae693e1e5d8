import { piecesToText, type SpeechBlock } from '../normalize/speech-block.js';
import type { SegmentedStory } from '../segment/narration-block.js';
import type { RenderedBlock } from '../ssml/render-block.js';
import type { Timeline } from '../assemble/timeline.js';
import type { ManifestBlock, ManifestChapter, ManifestQuote, ManifestStory } from './manifest.js';

/** Blocks with their display text, speech, SSML and times. */
export function manifestBlocks(blocks: readonly SpeechBlock[], rendered: readonly RenderedBlock[], timeline: Pick<Timeline, 'blocks'>): ManifestBlock[] {
  return blocks.map((block, index) => {
    const timed = timeline.blocks[index]!;
    const quotes: ManifestQuote[] = block.sentences.flatMap((sentence) =>
      sentence.runs
        .filter((run) => run.quote)
        .map((run) => ({ text: run.text, speech: piecesToText(run.speech), ...(run.speaker ? { speaker: run.speaker } : {}) })),
    );
    const speakers = [...new Set(quotes.map((quote) => quote.speaker).filter(Boolean))];
    const sentences = block.sentences.map((sentence, sentenceIndex) => {
      const time = timed.sentences.find((candidate) => candidate.index === sentenceIndex);
      const quotedRuns = sentence.runs.filter((run) => run.text.trim() !== '');
      const speaker = quotedRuns.length > 0 && quotedRuns.every((run) => run.quote) ? quotedRuns[0]!.speaker : undefined;
      return {
        text: sentence.text,
        speech: sentence.speech,
        startMs: round(time?.startMs ?? timed.startMs),
        endMs: round(time?.endMs ?? timed.speechEndMs),
        ...(speaker ? { speaker } : {}),
        ...(time?.words && time.words.length > 0
          ? { words: time.words.map((word) => ({ text: word.word, startMs: round(word.startMs), endMs: round(word.endMs) })) }
          : {}),
      };
    });
    return {
      id: block.id,
      kind: block.kind,
      story: block.story,
      text: block.text,
      speech: block.speech,
      ssml: rendered[index]!.ssml,
      startMs: round(timed.startMs),
      endMs: round(timed.endMs),
      ...(block.kind === 'quote' && speakers.length === 1 ? { speaker: speakers[0] } : {}),
      quotes,
      sentences,
    };
  });
}

/** One chapter per story (at its first block) and one per heading. */
export function manifestChapters(blocks: readonly ManifestBlock[], stories: readonly SegmentedStory[], durationMs: number, leadInMs = 0): ManifestChapter[] {
  const starts: { title: string; startMs: number; blockId: string }[] = [];
  let story = -1;
  // A spoken intro, or intro music before the first words, is a chapter of its own starting at zero.
  if (blocks[0] && (blocks[0].kind === 'intro' || leadInMs > 0)) {
    starts.push({ title: 'Introduction', startMs: 0, blockId: blocks[0].id });
  }
  for (const block of blocks) {
    if (block.story !== story && block.kind !== 'intro' && block.kind !== 'outro') {
      story = block.story;
      starts.push({ title: stories[story]?.title ?? block.text, startMs: block.startMs, blockId: block.id });
      if (block.kind === 'heading') continue;
    }
    if (block.kind === 'heading') starts.push({ title: block.text, startMs: block.startMs, blockId: block.id });
  }
  return starts.map((chapter, index) => ({ ...chapter, endMs: starts[index + 1]?.startMs ?? round(durationMs) }));
}

/** The stories with where each begins. */
export function manifestStories(stories: readonly SegmentedStory[], blocks: readonly ManifestBlock[]): ManifestStory[] {
  return stories.map((story, index) => ({
    title: story.title,
    source: story.source,
    ...(story.url ? { url: story.url } : {}),
    ...(story.guid ? { guid: story.guid } : {}),
    ...(story.author ? { author: story.author } : {}),
    ...(story.publishedAt ? { publishedAt: story.publishedAt } : {}),
    startMs: blocks.find((block) => block.story === index)?.startMs ?? 0,
  }));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
