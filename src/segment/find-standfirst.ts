import type { BodyNode } from '../ingest/article.js';
import { matchCaption } from './captions.js';
import { classifyNode } from './classify-node.js';
import { comparableText } from './comparable-text.js';
import { stripDateline } from './dateline.js';
import { bylineAuthor, publishedLine } from './metadata-lines.js';
import { splitSentences } from './split-sentences.js';

const MAX_DECK_LENGTH = 260;

/**
 * Finds the deck of an article whose source did not mark one (plain text):
 * the first paragraph after the title, when it is short (one or two
 * sentences), is not a dateline lede or a quote, and is followed closely by
 * what starts a story — a byline, a dateline, a photo caption, a published
 * line, or a repeat of itself. Returns its index in `body`, or -1.
 */
export function findStandfirst(body: BodyNode[], title: string): number {
  for (let index = 0; index < body.length && index < 6; index++) {
    const node = body[index]!;
    if (classifyNode(node, { title }).action === 'drop') continue;
    if (node.type !== 'paragraph' || !looksLikeDeck(node.text)) return -1;
    const deck = comparableText(node.text);
    const following = body.slice(index + 1, index + 4);
    const startsStory = following.some(
      (next) =>
        next.type === 'caption' ||
        matchCaption(next.text) !== undefined ||
        bylineAuthor(next.text) !== undefined ||
        publishedLine(next.text) !== undefined ||
        stripDateline(next.text) !== undefined ||
        (next.text.length <= node.text.length * 2 + 40 && comparableText(next.text).startsWith(deck)),
    );
    return startsStory ? index : -1;
  }
  return -1;
}

function looksLikeDeck(text: string): boolean {
  if (text.length > MAX_DECK_LENGTH) return false;
  if (/^["“‘'«]/u.test(text) || stripDateline(text) !== undefined) return false;
  return splitSentences(text).length <= 2;
}
