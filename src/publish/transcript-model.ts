import type { BlockKind } from '../segment/narration-block.js';
import { buildCaptionCues, type CaptionCue } from './captions.js';
import type { Manifest, ManifestBlock, ManifestQuote, ManifestStory } from './manifest.js';
import { oneLine } from '../platform/plain-text.js';

/** A piece of a sentence as shown: plain words, or quoted speech with its speaker. */
export type TranscriptRun =
  | { kind: 'text'; text: string }
  | {
      kind: 'quote';
      /** The quoted words, without the quotation marks of the article. */
      text: string;
      speaker?: string;
      /** Whether the speaker is named beside the quote: the paragraph around it does not name them. */
      credit: boolean;
    };

/** A sentence of the transcript and when it is heard. */
export interface TranscriptSentence {
  /** The sentence on one line. */
  text: string;
  /** When it starts and ends in the episode, whole ms. */
  startMs: number;
  endMs: number;
  /** The sentence as runs of text and quoted speech; their texts join back to `text`. */
  runs: TranscriptRun[];
}

/** A block of the transcript. */
export interface TranscriptBlock {
  /** Id of the manifest block. */
  id: string;
  kind: BlockKind;
  /** The block's display text on one line. */
  text: string;
  /** Who speaks a quote block, when known: its own speaker, else the one speaker of its sentences and quotes. */
  speaker?: string;
  /** Its sentences with their times; empty for a block that was not split (then `text` is shown as it is). */
  sentences: TranscriptSentence[];
}

/** Consecutive list items, shown as one list. */
export interface TranscriptList {
  kind: 'list';
  items: TranscriptBlock[];
}

/** One block shown on its own. */
export interface TranscriptBlockPart {
  kind: 'block';
  block: TranscriptBlock;
}

/** A part of a story: a block, or a run of list items. */
export type TranscriptPart = TranscriptBlockPart | TranscriptList;

/** A story of the transcript with its heading and parts. */
export interface TranscriptStory {
  kind: 'story';
  /** Index of the story in the briefing. */
  index: number;
  /** Heading text: the story's title block, else the story's title. */
  title: string;
  /** The title block shown as the heading, when the story has one. */
  titleBlock?: TranscriptBlock;
  /** Whether the story is shown under a heading of its own. */
  headed: boolean;
  /** Web address of the article, when it has one (http or https only). */
  url?: string;
  parts: TranscriptPart[];
}

/** A section of the transcript: the briefing's own narration, or a story. */
export type TranscriptSection = TranscriptBlockPart | TranscriptStory;

/** A chapter as listed beside the transcript. */
export interface TranscriptChapter {
  /** The chapter's title on one line; `Chapter N` when it has none. */
  title: string;
  startMs: number;
  endMs: number;
}

/**
 * Everything a rendering of an episode's transcript shows, built once from
 * the manifest: the title, the stories with their blocks, every sentence
 * with its time and its quoted speech, the speakers, the chapters and the
 * caption cues. The plain-text transcript, `transcript.html` and the episode
 * page are renderings of it, so they cannot drift apart.
 */
export interface TranscriptModel {
  /** The episode title on one line. */
  title: string;
  /** A title block whose text is the episode title, shown as that title (a briefing of one story). */
  titleBlock?: TranscriptBlock;
  /** BCP 47 language of the episode. */
  language: string;
  author?: string;
  /** The episode's date (YYYY-MM-DD). */
  date: string;
  /** Whether stories have headings of their own (a briefing of several), so headings inside them sit a level lower. */
  storiesHeaded: boolean;
  sections: TranscriptSection[];
  /** Everyone quoted, in the order first heard. */
  speakers: string[];
  /** Chapters in time order. */
  chapters: TranscriptChapter[];
  /** The caption cues: what `episode.vtt` and `episode.srt` hold, as data. */
  cues: CaptionCue[];
}

const NARRATION = new Set<BlockKind>(['intro', 'transition', 'outro']);

/**
 * The transcript model of an episode. Blocks are grouped for reading: the
 * briefing's intro, transitions and outro between the stories; each story
 * with its title as heading (in a briefing of one story whose title is the
 * episode title, that title block becomes the episode title instead); runs
 * of list items as lists. Quoted speech in paragraphs, list items and
 * standfirsts is marked with its speaker; headings, titles and quote blocks
 * are shown as they are (a quote block is quoted as a whole).
 */
export function transcriptModel(manifest: Manifest): TranscriptModel {
  const sections = groupSections(manifest);
  const stories = sections.filter((section): section is TranscriptStory => section.kind === 'story');
  const storyCount = Math.max(manifest.stories.length, new Set(manifest.blocks.filter((block) => !NARRATION.has(block.kind)).map((block) => block.story)).size);
  let titleBlock: TranscriptBlock | undefined;
  const only = stories.length === 1 && storyCount <= 1 ? stories[0] : undefined;
  if (only?.titleBlock && sameText(only.titleBlock.text, manifest.title)) {
    titleBlock = only.titleBlock;
    delete only.titleBlock;
    only.headed = false;
  }
  const model: TranscriptModel = {
    title: oneLine(manifest.title),
    ...(titleBlock ? { titleBlock } : {}),
    language: oneLine(manifest.language) || 'en',
    ...(manifest.author && oneLine(manifest.author) ? { author: oneLine(manifest.author) } : {}),
    date: manifest.date,
    storiesHeaded: stories.some((story) => story.headed),
    sections,
    speakers: [],
    chapters: [...manifest.chapters]
      .sort((a, b) => a.startMs - b.startMs)
      .map((chapter, index) => ({ title: oneLine(chapter.title) || `Chapter ${index + 1}`, startMs: Math.round(chapter.startMs), endMs: Math.round(chapter.endMs) })),
    cues: buildCaptionCues(manifest),
  };
  model.speakers = speakersOf(model);
  return model;
}

function groupSections(manifest: Manifest): TranscriptSection[] {
  const content = manifest.blocks.filter((block) => !NARRATION.has(block.kind));
  const storyCount = Math.max(manifest.stories.length, new Set(content.map((block) => block.story)).size);
  const sections: TranscriptSection[] = [];
  let current: TranscriptStory | undefined;

  manifest.blocks.forEach((source, position) => {
    const block = transcriptBlock(source);
    if (NARRATION.has(source.kind)) {
      const next = manifest.blocks.slice(position + 1).find((candidate) => !NARRATION.has(candidate.kind));
      if (current && next?.story === current.index) current.parts.push({ kind: 'block', block });
      else {
        current = undefined;
        sections.push({ kind: 'block', block });
      }
      return;
    }
    if (!current || current.index !== source.story) {
      current = newStory(source.story, manifest.stories[source.story], storyCount > 1);
      sections.push(current);
    }
    if (source.kind === 'title' && !current.titleBlock && current.parts.length === 0) {
      current.titleBlock = block;
      current.title = block.text;
      current.headed = true;
      return;
    }
    const last = current.parts.at(-1);
    if (source.kind === 'list-item' && last?.kind === 'list') last.items.push(block);
    else if (source.kind === 'list-item') current.parts.push({ kind: 'list', items: [block] });
    else current.parts.push({ kind: 'block', block });
  });
  return sections;
}

function newStory(index: number, story: ManifestStory | undefined, headed: boolean): TranscriptStory {
  const url = story?.url && /^https?:\/\//i.test(story.url) ? story.url : undefined;
  return {
    kind: 'story',
    index,
    title: oneLine(story?.title ?? '') || `Story ${index + 1}`,
    headed,
    ...(url ? { url } : {}),
    parts: [],
  };
}

/** Kinds whose quoted speech is marked inside the sentence; the others are shown as they are. */
const MARKS_QUOTES = new Set<BlockKind>(['paragraph', 'list-item', 'standfirst', 'intro', 'transition', 'outro']);

function transcriptBlock(block: ManifestBlock): TranscriptBlock {
  const text = oneLine(block.text);
  const speaker = block.kind === 'quote' ? quoteBlockSpeaker(block) : undefined;
  const markQuotes = MARKS_QUOTES.has(block.kind);
  const unused = markQuotes ? block.quotes.filter((quote) => oneLine(quote.text) !== '') : [];
  const sentences = block.sentences.map((sentence): TranscriptSentence => {
    const sentenceText = oneLine(sentence.text);
    const runs: TranscriptRun[] =
      markQuotes && sentence.speaker && unused.length === 0
        ? [quoteRun(sentenceText, sentence.speaker, text)]
        : markQuotes
          ? quoteRuns(sentenceText, unused, text)
          : [{ kind: 'text', text: sentenceText }];
    return { text: sentenceText, startMs: Math.round(sentence.startMs), endMs: Math.round(sentence.endMs), runs: runs.filter((run) => run.text !== '') };
  });
  return { id: block.id, kind: block.kind, text, ...(speaker ? { speaker: oneLine(speaker) } : {}), sentences };
}

/** Quoted speech; its speaker is credited beside it when the paragraph (`blockText`) does not name them. */
function quoteRun(text: string, speaker: string | undefined, blockText: string): TranscriptRun {
  const name = speaker ? oneLine(speaker) : '';
  return { kind: 'quote', text, ...(name ? { speaker: name } : {}), credit: name !== '' && !blockText.toLowerCase().includes(name.toLowerCase()) };
}

/**
 * The sentence as runs, each quote of `unused` found in it marked as quoted
 * speech; the quotes found are removed from `unused`, so a block's sentences
 * are marked one after another.
 */
function quoteRuns(text: string, unused: ManifestQuote[], blockText: string): TranscriptRun[] {
  const runs: TranscriptRun[] = [];
  let position = 0;
  for (let index = 0; index < unused.length; ) {
    const quote = unused[index]!;
    const quoted = oneLine(quote.text);
    const at = text.indexOf(quoted, position);
    if (at < 0) {
      index += 1;
      continue;
    }
    runs.push({ kind: 'text', text: text.slice(position, at) }, quoteRun(quoted, quote.speaker, blockText));
    position = at + quoted.length;
    unused.splice(index, 1);
  }
  runs.push({ kind: 'text', text: text.slice(position) });
  return runs;
}

/** The speaker of a quote block: its own, else the one speaker of its sentences or quotes. */
function quoteBlockSpeaker(block: ManifestBlock): string | undefined {
  if (block.speaker) return block.speaker;
  const speakers = new Set(
    [...block.sentences.map((sentence) => sentence.speaker), ...block.quotes.map((quote) => quote.speaker)].filter(
      (speaker): speaker is string => Boolean(speaker),
    ),
  );
  return speakers.size === 1 ? [...speakers][0] : undefined;
}

/** Every block of the model in reading order, the episode's title block first. */
export function transcriptBlocks(model: TranscriptModel): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = model.titleBlock ? [model.titleBlock] : [];
  for (const section of model.sections) {
    if (section.kind === 'block') {
      blocks.push(section.block);
      continue;
    }
    if (section.titleBlock) blocks.push(section.titleBlock);
    for (const part of section.parts) blocks.push(...(part.kind === 'list' ? part.items : [part.block]));
  }
  return blocks;
}

function speakersOf(model: TranscriptModel): string[] {
  const speakers = new Set<string>();
  for (const block of transcriptBlocks(model)) {
    if (block.speaker) speakers.add(block.speaker);
    for (const sentence of block.sentences) for (const run of sentence.runs) if (run.kind === 'quote' && run.speaker) speakers.add(run.speaker);
  }
  return [...speakers];
}

function sameText(a: string, b: string): boolean {
  return oneLine(a).toLowerCase() === oneLine(b).toLowerCase();
}
