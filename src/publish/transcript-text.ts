import type { Manifest, ManifestBlock } from './manifest.js';
import { transcriptOutline, type TranscriptPart, type TranscriptStory } from './transcript-outline.js';
import { visibleLength } from './caption-lines.js';
import { oneLine } from '../platform/plain-text.js';

const OPENING_QUOTE = /^["'“‘«„‚‹]/u;

/**
 * The transcript as plain text (UTF-8, `\n` line ends): the episode title
 * underlined with `=`, then each story's title underlined with `-` (when the
 * briefing has several), headings on their own line, one paragraph per block
 * separated by blank lines, list items as `• ` lines, and quote blocks in
 * quotation marks. It is what is heard: a quote block's speaker, which the
 * narration does not say, is not written either. Paragraphs are kept as
 * written, quotes inside them included.
 */
export function renderTranscriptText(manifest: Manifest): string {
  const outline = transcriptOutline(manifest);
  const paragraphs: string[] = [underline(outline.title, '=')];
  for (const section of outline.sections) {
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
  if (part.kind === 'list') return part.items.map((item) => `• ${oneLine(item.text)}`).join('\n');
  return blockText(part.block);
}

function blockText(block: ManifestBlock): string {
  const text = oneLine(block.text);
  if (block.kind !== 'quote') return text;
  return OPENING_QUOTE.test(text) ? text : `“${text}”`;
}

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(Math.max(3, visibleLength(text)))}`;
}
