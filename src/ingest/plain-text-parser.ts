import type { BodyNode } from './article.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import type { ExtractedArticle } from './ingest-options.js';

/** Lines that announce a press release rather than title it. */
const RELEASE_MARKER = /^(?:for immediate release|press release|news release|media release|embargoed\b.*)$/i;

/**
 * Reads plain text: the first non-empty line is the title; blank lines
 * separate paragraphs; hard-wrapped lines are joined, while lines that each
 * stand on their own (wire copy) stay separate; ALL-CAPS lines and short
 * unpunctuated lines standing alone become level-2 headings.
 */
export function parsePlainText(text: string): ExtractedArticle {
  const blocks = splitBlocks(text.replace(/\r\n?/g, '\n'));
  const body: BodyNode[] = [];
  let title = '';
  for (const lines of blocks) {
    if (title === '') {
      const first = lines.findIndex((line) => !RELEASE_MARKER.test(line));
      if (first === -1) {
        for (const line of lines) body.push({ type: 'paragraph', text: line });
        continue;
      }
      for (const line of lines.slice(0, first)) body.push({ type: 'paragraph', text: line });
      title = lines[first]!;
      const rest = lines.slice(first + 1);
      if (rest.length > 0) appendAll(body, blockToNodes(rest, false));
      continue;
    }
    appendAll(body, blockToNodes(lines));
  }
  return { title, body };
}

/** Appends without spreading, which overflows the stack for very long lists. */
function appendAll(target: BodyNode[], nodes: BodyNode[]): void {
  for (const node of nodes) target.push(node);
}

function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = collapseWhitespace(rawLine);
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** `mayBeHeading` is false for the lines written directly under the title, which are never a section heading. */
function blockToNodes(lines: string[], mayBeHeading = true): BodyNode[] {
  if (mayBeHeading && lines.length === 1 && isStandaloneHeading(lines[0]!)) {
    return [{ type: 'heading', text: lines[0]!, level: 2 }];
  }
  if (mayBeHeading && lines.length >= 2 && startsWithHeading(lines)) {
    return [{ type: 'heading', text: lines[0]!, level: 2 }, ...blockToNodes(lines.slice(1), false)];
  }
  const nodes: BodyNode[] = [];
  const wrapped = looksHardWrapped(lines);
  let paragraph = lines[0]!;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (wrapped || continuesLine(paragraph, line)) {
      paragraph = `${paragraph} ${line}`;
    } else {
      nodes.push({ type: 'paragraph', text: paragraph });
      paragraph = line;
    }
  }
  nodes.push({ type: 'paragraph', text: paragraph });
  return nodes;
}

/** A heading line written directly above its paragraph: short, heading-like, and not a wrapped line. */
function startsWithHeading(lines: string[]): boolean {
  const first = lines[0]!;
  const longest = longestLength(lines.slice(1));
  return isStandaloneHeading(first) && first.length <= longest * 0.6 && /^[\p{Lu}\p{N}"“‘'«(]/u.test(lines[1]!);
}

const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/u;

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.slice(-16));
}

function continuesLine(previous: string, next: string): boolean {
  if (!endsSentence(previous)) return !isListLine(next);
  return /^\p{Ll}/u.test(next);
}

function isListLine(line: string): boolean {
  return /^(?:[-*•–]\s|\d{1,3}[.)]\s)/u.test(line);
}

/**
 * A block of three or more lines is hard-wrapped when every line but the
 * last fills the column width (the next word would not have fitted) and at
 * least one of them breaks mid-sentence.
 */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const width = longestLength(body);
  if (width < 30 || width > 120) return false;
  const filled = body.every((line, index) => {
    const nextWord = lines[index + 1]!.split(' ')[0]!;
    return line.length + 1 + nextWord.length > width || line.length >= width * 0.85;
  });
  return filled && body.some((line) => !endsSentence(line));
}

function longestLength(lines: string[]): number {
  let longest = 0;
  for (const line of lines) if (line.length > longest) longest = line.length;
  return longest;
}

function isStandaloneHeading(line: string): boolean {
  if (line.length > 80 || /^by\s/i.test(line)) return false;
  const letters = line.match(/\p{L}/gu) ?? [];
  if (letters.length < 2) return false;
  if (letters.every((letter) => letter === letter.toUpperCase() && letter !== letter.toLowerCase())) {
    return !/[.,;]$/.test(line);
  }
  const words = line.split(' ');
  return (
    line.length <= 60 &&
    words.length <= 9 &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    !/[.,;:!?…"'”’)\]]$/u.test(line)
  );
}
