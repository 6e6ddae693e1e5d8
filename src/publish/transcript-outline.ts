import type { Manifest, ManifestBlock, ManifestStory } from './manifest.js';
import { oneLine } from '../platform/plain-text.js';

/** Consecutive list items, shown as one list. */
export interface TranscriptList {
  kind: 'list';
  items: ManifestBlock[];
}

/** One block shown on its own. */
export interface TranscriptBlock {
  kind: 'block';
  block: ManifestBlock;
}

/** A part of a story: a block, or a run of list items. */
export type TranscriptPart = TranscriptBlock | TranscriptList;

/** A story of the transcript with its heading and parts. */
export interface TranscriptStory {
  kind: 'story';
  /** Index of the story in the briefing. */
  index: number;
  /** Heading text: the story's title block, else the story's title. */
  title: string;
  /** The title block shown as the heading, when the story has one. */
  titleBlock?: ManifestBlock;
  /** Whether the story is shown under a heading of its own. */
  headed: boolean;
  /** Web address of the article, when it has one (http or https only). */
  url?: string;
  parts: TranscriptPart[];
}

/** A section of the transcript: the briefing's own narration, or a story. */
export type TranscriptSection = TranscriptBlock | TranscriptStory;

/** The shape of a transcript, shared by its text and HTML renderings. */
export interface TranscriptOutline {
  /** The episode title, shown first. */
  title: string;
  /** A title block whose text is the episode title, shown as that title. */
  titleBlock?: ManifestBlock;
  /** Level of headings inside a story: 3 under story headings, else 2. */
  headingLevel: 2 | 3;
  sections: TranscriptSection[];
}

const NARRATION = new Set(['intro', 'transition', 'outro']);

/**
 * Groups the manifest's blocks for a transcript: the briefing's intro,
 * transitions and outro between the stories; each story with its title as
 * heading (in a briefing of one story whose title is the episode title, that
 * title block becomes the episode title instead); runs of list items as lists.
 */
export function transcriptOutline(manifest: Manifest): TranscriptOutline {
  const content = manifest.blocks.filter((block) => !NARRATION.has(block.kind));
  const storyCount = Math.max(manifest.stories.length, new Set(content.map((block) => block.story)).size);
  const sections: TranscriptSection[] = [];
  let current: TranscriptStory | undefined;

  manifest.blocks.forEach((block, position) => {
    if (NARRATION.has(block.kind)) {
      const next = manifest.blocks.slice(position + 1).find((candidate) => !NARRATION.has(candidate.kind));
      if (current && next?.story === current.index) current.parts.push({ kind: 'block', block });
      else {
        current = undefined;
        sections.push({ kind: 'block', block });
      }
      return;
    }
    if (!current || current.index !== block.story) {
      current = newStory(block.story, manifest.stories[block.story], storyCount > 1);
      sections.push(current);
    }
    if (block.kind === 'title' && !current.titleBlock && current.parts.length === 0) {
      current.titleBlock = block;
      current.title = oneLine(block.text);
      current.headed = true;
      return;
    }
    const last = current.parts.at(-1);
    if (block.kind === 'list-item' && last?.kind === 'list') last.items.push(block);
    else if (block.kind === 'list-item') current.parts.push({ kind: 'list', items: [block] });
    else current.parts.push({ kind: 'block', block });
  });

  const stories = sections.filter((section): section is TranscriptStory => section.kind === 'story');
  let titleBlock: ManifestBlock | undefined;
  const only = stories.length === 1 && storyCount <= 1 ? stories[0] : undefined;
  if (only?.titleBlock && sameText(only.titleBlock.text, manifest.title)) {
    titleBlock = only.titleBlock;
    delete only.titleBlock;
    only.headed = false;
  }
  return {
    title: oneLine(manifest.title),
    ...(titleBlock ? { titleBlock } : {}),
    headingLevel: stories.some((story) => story.headed) ? 3 : 2,
    sections,
  };
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

/** The speaker of a quote block: its own, else the one speaker of its sentences or quotes. */
export function quoteBlockSpeaker(block: ManifestBlock): string | undefined {
  if (block.speaker) return block.speaker;
  const speakers = new Set(
    [...block.sentences.map((sentence) => sentence.speaker), ...block.quotes.map((quote) => quote.speaker)].filter(
      (speaker): speaker is string => Boolean(speaker),
    ),
  );
  return speakers.size === 1 ? [...speakers][0] : undefined;
}

function sameText(a: string, b: string): boolean {
  return oneLine(a).toLowerCase() === oneLine(b).toLowerCase();
}
