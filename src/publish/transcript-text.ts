import type { Manifest } from './manifest.js';
import { visibleLength } from './caption-lines.js';
import { transcriptModel, type TranscriptBlock, type TranscriptModel, type TranscriptPart, type TranscriptStory } from './transcript-model.js';

const OPENING_QUOTE = /^["'“‘«„‚‹]/u;

/**
 * The transcript as plain text (UTF-8, `\n` line ends): the episode title
 * underlined with `=`, then each story's title underlined with `-` (when the
 * briefing has several), headings on their own line, one paragraph per block
 * separated by blank lines, list items as `• ` lines, and quote blocks in
 * quotation marks. It is what is heard: a quote block's speaker, which the
 * narration does not say, is not written either. Paragraphs are kept as
 * written, quotes inside them included.
 *
 * @param episode - the manifest, or its {@link transcriptModel} when already built
 */
export function renderTranscriptText(episode: Manifest | TranscriptModel): string {
  const model = 'sections' in episode ? episode : transcriptModel(episode);
  const paragraphs: string[] = [underline(model.title, '=')];
  for (const section of model.sections) {
    if (section.kind === 'block') paragraphs.push(blockText(section.block));
    else paragraphs.push(...storyParagraphs(section));
  }
  return `${paragraphs.filter((paragraph) => paragraph !== '').join('\n\n')}\n`;
}

function storyParagraphs(story: TranscriptStory): string[] {
  const paragraphs: string[] = [];
  if (story.headed) paragraphs.push(underline(story.title, '-'));
  for (const part of story.parts) paragraphs.push(partText(part));
  return paragraphs;
}

function partText(part: TranscriptPart): string {
  if (part.kind === 'list') return part.items.map((item) => `• ${item.text}`).join('\n');
  return blockText(part.block);
}

function blockText(block: TranscriptBlock): string {
  if (block.kind !== 'quote') return block.text;
  return OPENING_QUOTE.test(block.text) ? block.text : `“${block.text}”`;
}

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(Math.max(3, visibleLength(text)))}`;
}
