import type { BodyNode } from '../ingest/article.js';
import { boilerplateReason } from './boilerplate.js';
import { matchCaption } from './captions.js';
import { comparableText } from './comparable-text.js';
import { furnitureReason } from './furniture-lines.js';
import { bylineAuthor, dateOnlyLine, isReadingTime, publishedLine } from './metadata-lines.js';

/** What the segmenter decided about a body node that is not read. */
export type NodeVerdict =
  | { action: 'drop'; reason: string; author?: string; publishedAt?: string }
  | { action: 'keep' };

/** What a node is compared with to find repeats. */
export interface RepeatSources {
  title: string;
  standfirst?: string;
}

/**
 * Decides whether a body node is metadata (byline, published line, date,
 * reading time), a caption or credit, boilerplate or page furniture, or a repeat of the title
 * or standfirst — none of which is read — or story text.
 */
export function classifyNode(node: BodyNode, repeats: RepeatSources): NodeVerdict {
  const text = node.text;
  const isRepeat = (source: string | undefined): boolean => isRepeatOf(text, source);
  if (node.type === 'caption') {
    return { action: 'drop', reason: isRepeat(repeats.standfirst) ? 'standfirst repeated as a caption' : 'caption' };
  }
  const author = bylineAuthor(text);
  if (author !== undefined) return { action: 'drop', reason: 'byline', author };
  const published = publishedLine(text);
  if (published !== undefined) {
    return published.date === undefined
      ? { action: 'drop', reason: 'published line' }
      : { action: 'drop', reason: 'published line', publishedAt: published.date };
  }
  const date = dateOnlyLine(text);
  if (date !== undefined) return { action: 'drop', reason: 'date line', publishedAt: date };
  if (isReadingTime(text)) return { action: 'drop', reason: 'reading time' };
  const boilerplate = boilerplateReason(text);
  if (boilerplate !== undefined) return { action: 'drop', reason: boilerplate };
  const furniture = furnitureReason(text);
  if (furniture !== undefined) return { action: 'drop', reason: furniture };
  const caption = matchCaption(text);
  if (caption !== undefined) {
    const repeated = caption.caption !== '' && (isRepeatOf(caption.caption, repeats.standfirst) || isRepeatOf(caption.caption, repeats.title));
    return { action: 'drop', reason: repeated ? 'standfirst repeated as a photo caption' : 'photo caption or credit' };
  }
  if (isRepeat(repeats.title)) return { action: 'drop', reason: 'repeats the title' };
  if (isRepeat(repeats.standfirst)) return { action: 'drop', reason: 'repeats the standfirst' };
  return { action: 'keep' };
}

function isRepeatOf(text: string, source: string | undefined): boolean {
  if (source === undefined || source === '' || text.length > source.length * 2 + 40) return false;
  return comparableText(text) === comparableText(source);
}
