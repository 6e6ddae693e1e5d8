import type { Article, BodyNode } from '../ingest/article.js';
import { stageReporter } from '../platform/run-context.js';
import { assignSpeakers } from './assign-speakers.js';
import { isContactDetail, isContactHeading, isEndMark, splitTrailingTrailer } from './boilerplate.js';
import { matchCaption, stripInlineCredits } from './captions.js';
import { classifyNode } from './classify-node.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { comparableText } from './comparable-text.js';
import { stripDateline } from './dateline.js';
import { findStandfirst } from './find-standfirst.js';
import { furnitureReason } from './furniture-lines.js';
import type { BlockKind, DroppedText, NarrationBlock, SegmentedStory } from './narration-block.js';
import type { SegmentOptions } from './segment-options.js';
import { buildSentences } from './sentence-runs.js';
import { removeShortcodes } from './shortcodes.js';

interface Piece {
  kind: BlockKind;
  text: string;
  level?: number;
}

/** Fewest words a line needs before a second saying of it counts as a repeat. */
const MIN_REPEAT_WORDS = 8;
/** More different repeated lines than this are a page's structure, not its furniture. */
const MAX_REPEATED_LINES = 3;

type Mode = 'story' | 'after-end' | 'contact' | 'promo-list';

/**
 * Turns an article into narration blocks: the title, the standfirst, then the
 * body's headings, paragraphs, block quotes and list items in order, each
 * split into sentences with quoted speech and its speaker marked. Bylines and
 * published lines become metadata; captions, credits, datelines' agency tags,
 * trailers, boilerplate, page furniture (bare links, interface labels, tip
 * lines, citations, promotions), shortcodes and repeated lines are dropped and
 * listed in `story.dropped`. Warnings go to `options.context`, stage `segment`.
 */
export function segmentArticle(article: Article, options: SegmentOptions = {}): SegmentedStory {
  const storyIndex = options.storyIndex ?? 0;
  const reporter = stageReporter(options.context, 'segment');
  const title = collapseWhitespace(article.title);
  const body: BodyNode[] = article.body
    .map((node) => ({ ...node, text: collapseWhitespace(node.text) }))
    .filter((node) => hasVisibleText(node.text));
  const dropped: DroppedText[] = [];
  let standfirst = spokenStandfirst(article.standfirst, dropped);
  if (article.standfirst === undefined) {
    const index = findStandfirst(body, title);
    if (index !== -1) standfirst = body.splice(index, 1)[0]!.text;
  }

  let author = article.author === undefined ? undefined : collapseWhitespace(article.author) || undefined;
  let publishedAt = article.publishedAt;
  const pieces: Piece[] = [];
  let mode: Mode = 'story';
  const repeats = repeatedLines(body);
  const spokenBefore = new Set<string>();
  for (const original of body) {
    const node = withoutShortcodes(original, dropped);
    if (node === undefined) continue;
    const text = node.text;
    if (mode === 'after-end') {
      dropped.push({ text, reason: 'after the end mark' });
      continue;
    }
    if (isEndMark(text)) {
      dropped.push({ text, reason: 'end mark' });
      mode = 'after-end';
      continue;
    }
    if (mode === 'contact' && node.type !== 'heading' && isContactDetail(text)) {
      dropped.push({ text, reason: 'media contact' });
      continue;
    }
    if (mode === 'promo-list' && node.type === 'list-item') {
      dropped.push({ text, reason: 'promotion' });
      continue;
    }
    mode = 'story';
    if (node.type !== 'caption' && isContactHeading(text)) {
      dropped.push({ text, reason: 'media contact' });
      mode = 'contact';
      continue;
    }
    const verdict = classifyNode(node, standfirst === undefined ? { title } : { title, standfirst });
    if (verdict.action === 'drop') {
      dropped.push({ text, reason: verdict.reason });
      if (verdict.author !== undefined) author ??= verdict.author;
      if (verdict.publishedAt !== undefined) publishedAt ??= verdict.publishedAt;
      if (verdict.reason === 'promotion' && (node.type === 'heading' || /:$/u.test(text))) mode = 'promo-list';
      continue;
    }
    const spoken = cleanSpokenText(node, dropped, !pieces.some((piece) => piece.kind === 'paragraph'));
    if (spoken === '') continue;
    if (repeats.has(comparableText(node.text)) && isSentenceLike(node, spoken)) {
      const key = comparableText(spoken);
      if (spokenBefore.has(key)) {
        dropped.push({ text: spoken, reason: 'repeated' });
        continue;
      }
      spokenBefore.add(key);
    }
    pieces.push(toPiece(node, spoken));
  }

  const allPieces: Piece[] = [];
  if (title !== '') allPieces.push({ kind: 'title', text: title });
  if (standfirst !== undefined) allPieces.push({ kind: 'standfirst', text: standfirst });
  for (const piece of pieces) allPieces.push(piece);

  const language = article.language || 'en';
  const quoted = assignSpeakers(
    allPieces.map((piece) => ({ text: piece.text, flowing: piece.kind === 'paragraph' || piece.kind === 'quote' || piece.kind === 'list-item' })),
  );
  const blocks: NarrationBlock[] = allPieces.map((piece, index) => {
    const id = `s${storyIndex}-b${index}`;
    const { ranges, quotes } = quoted[index]!;
    if (quotes.some((quote) => !quote.closed)) {
      reporter.warn({
        code: 'SEGMENT_UNCLOSED_QUOTE',
        blockId: id,
        source: article.source,
        message: `${article.source}: a quotation mark in block ${id} is never closed; the quote ends with its paragraph`,
      });
    }
    const block: NarrationBlock = {
      id,
      kind: piece.kind,
      text: piece.text,
      sentences: buildSentences(piece.text, ranges, quotes),
      story: storyIndex,
      language,
    };
    if (piece.level !== undefined) block.level = piece.level;
    return block;
  });
  if (pieces.length === 0) {
    reporter.warn({ code: 'SEGMENT_NO_BODY', source: article.source, message: `${article.source}: nothing to read after the title` });
  }

  const story: SegmentedStory = { title, source: article.source, language, blocks, dropped };
  if (author !== undefined) story.author = author;
  if (publishedAt !== undefined) story.publishedAt = publishedAt;
  if (article.url !== undefined) story.url = article.url;
  if (article.guid !== undefined) story.guid = article.guid;
  return story;
}

/** The standfirst to read: none when the page's standfirst is only a link, a credit or other furniture. */
function spokenStandfirst(raw: string | undefined, dropped: DroppedText[]): string | undefined {
  if (raw === undefined) return undefined;
  const { text, removed } = removeShortcodes(collapseWhitespace(raw));
  for (const shortcode of removed) dropped.push({ text: shortcode, reason: 'shortcode' });
  if (text === '') return undefined;
  const reason = furnitureReason(text) ?? (matchCaption(text) === undefined ? undefined : 'photo caption or credit');
  if (reason === undefined) return text;
  dropped.push({ text, reason });
  return undefined;
}

/** A body node with leaked shortcodes removed (listed in `dropped`), or undefined when nothing else was left. */
function withoutShortcodes(node: BodyNode, dropped: DroppedText[]): BodyNode | undefined {
  const { text, removed } = removeShortcodes(node.text);
  if (removed.length === 0) return node;
  for (const shortcode of removed) dropped.push({ text: shortcode, reason: 'shortcode' });
  return hasVisibleText(text) ? { ...node, text } : undefined;
}

/** Removes trailers, inline photo credits and a dateline from text that is otherwise read. */
function cleanSpokenText(node: BodyNode, dropped: DroppedText[], isLede: boolean): string {
  let text = node.text;
  const trailer = splitTrailingTrailer(text);
  if (trailer) {
    dropped.push({ text: trailer.trailer, reason: 'wire trailer' });
    text = trailer.text;
  }
  const credits = stripInlineCredits(text);
  for (const credit of credits.credits) dropped.push({ text: credit, reason: 'photo caption or credit' });
  text = credits.text;
  if (node.type === 'paragraph') {
    const dateline = stripDateline(text);
    if (dateline && (dateline.agency !== undefined || isLede)) {
      dropped.push({ text: dateline.dateline, reason: 'dateline' });
      text = dateline.text;
    }
  }
  return text;
}

/**
 * The lines a page repeats by mistake: a caption or promo shown again. A page
 * that repeats many different lines repeats a structure (a meal plan, a
 * timetable) and keeps them all.
 */
function repeatedLines(body: readonly BodyNode[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const node of body) {
    if (!isSentenceLike(node, node.text)) continue;
    const key = comparableText(node.text);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated.size <= MAX_REPEATED_LINES ? repeated : new Set();
}

/**
 * A paragraph or quote long enough that saying it twice is a page repeating
 * itself (a caption or promo shown again), not a table, plan or list whose
 * short lines recur by design.
 */
function isSentenceLike(node: BodyNode, text: string): boolean {
  if (node.type !== 'paragraph' && node.type !== 'quote') return false;
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= MIN_REPEAT_WORDS;
}

function hasVisibleText(text: string): boolean {
  return /[^\s\u200B-\u200D\u2060\uFEFF]/u.test(text);
}

function toPiece(node: BodyNode, text: string): Piece {
  switch (node.type) {
    case 'heading':
      return { kind: 'heading', text, level: node.level };
    case 'quote':
      return { kind: 'quote', text };
    case 'list-item':
      return { kind: 'list-item', text };
    default:
      return { kind: 'paragraph', text };
  }
}
