import { marked, type Token, type Tokens } from 'marked';
import type { BodyNode } from './article.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { splitFrontMatter } from './front-matter.js';
import { walkHtmlBody } from './html-body-walker.js';
import { decodeHtmlEntities, htmlFragmentToText, parseHtmlDocument } from './html-dom.js';
import type { ExtractedArticle } from './ingest-options.js';
import { parsePlainText } from './plain-text-parser.js';

/**
 * Reads Markdown through `marked`'s lexer: the first `#` heading is the title,
 * `##`–`######` are headings, an italic-only paragraph right after the title
 * is the standfirst, blockquotes become quotes, list items list items, images
 * captions (their alt text); links keep their text, inline markup and HTML
 * are reduced to text, rules are dropped.
 */
export function parseMarkdown(markdown: string): ExtractedArticle {
  const { frontMatter, content } = splitFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  let tokens: Token[];
  try {
    tokens = marked.lexer(limitNesting(content));
  } catch {
    return parsePlainText(content);
  }
  const body: BodyNode[] = [];
  let title = frontMatter.title ?? '';
  let standfirst = frontMatter.description;
  let afterTitle = false;

  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'hr') continue;
    if (token.type === 'heading' && title === '' && (token as Tokens.Heading).depth === 1) {
      title = inlineText((token as Tokens.Heading).tokens, []);
      afterTitle = true;
      continue;
    }
    if (afterTitle && standfirst === undefined && token.type === 'paragraph' && isItalicOnly(token as Tokens.Paragraph)) {
      standfirst = inlineText((token as Tokens.Paragraph).tokens, []);
      afterTitle = false;
      continue;
    }
    afterTitle = false;
    blockToNodes(token, body, false);
  }

  if (title === '') title = takeFallbackTitle(body);
  const article: ExtractedArticle = { title, body };
  if (standfirst) article.standfirst = collapseWhitespace(standfirst);
  if (frontMatter.author) article.author = frontMatter.author;
  if (frontMatter.date) article.publishedAt = frontMatter.date;
  if (frontMatter.language) article.language = frontMatter.language;
  return article;
}

const MAX_INDENT = 32;
const MAX_QUOTE_DEPTH = 16;

/**
 * Caps list indentation and blockquote depth: `marked` takes quadratic time
 * (and can exhaust the stack) on hostile nesting hundreds of levels deep.
 */
function limitNesting(markdown: string): string {
  if (!/^(?:[ \t]{33,}|(?:>\s?){17,})/m.test(markdown)) return markdown;
  return markdown
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      let result = indent.length > MAX_INDENT ? ' '.repeat(MAX_INDENT) + line.slice(indent.length) : line;
      const quotes = /^(?:>\s?)+/.exec(result)?.[0];
      if (quotes && (quotes.match(/>/g)?.length ?? 0) > MAX_QUOTE_DEPTH) {
        result = '> '.repeat(MAX_QUOTE_DEPTH) + result.slice(quotes.length);
      }
      return result;
    })
    .join('\n');
}

/** Without an H1, a leading heading or a short one-line first paragraph is the title. */
function takeFallbackTitle(body: BodyNode[]): string {
  const first = body[0];
  if (first && (first.type === 'heading' || (first.type === 'paragraph' && first.text.length <= 120))) {
    body.shift();
    return first.text;
  }
  return '';
}

function isItalicOnly(paragraph: Tokens.Paragraph): boolean {
  const meaningful = paragraph.tokens.filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'em';
}

function blockToNodes(token: Token, body: BodyNode[], inQuote: boolean): void {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inlineText(heading.tokens, []);
      if (text !== '') body.push(inQuote ? { type: 'quote', text } : { type: 'heading', text, level: heading.depth });
      return;
    }
    case 'paragraph':
    case 'text': {
      const images: string[] = [];
      const inline = token as Tokens.Paragraph;
      const text = inline.tokens ? inlineText(inline.tokens, images) : collapseWhitespace(decodeHtmlEntities(inline.text));
      for (const alt of images) body.push({ type: 'caption', text: alt });
      if (text !== '') body.push(inQuote ? { type: 'quote', text } : { type: 'paragraph', text });
      return;
    }
    case 'blockquote':
      for (const child of (token as Tokens.Blockquote).tokens) blockToNodes(child, body, true);
      return;
    case 'list':
      for (const item of (token as Tokens.List).items) listItemToNodes(item, (token as Tokens.List).ordered, body, inQuote);
      return;
    case 'code': {
      const text = collapseWhitespace((token as Tokens.Code).text);
      if (text !== '') body.push(inQuote ? { type: 'quote', text } : { type: 'paragraph', text });
      return;
    }
    case 'html': {
      const nodes = walkHtmlBody(parseHtmlDocument((token as Tokens.HTML).text).body!);
      for (const node of nodes) body.push(inQuote ? toQuote(node) : node);
      return;
    }
    case 'table': {
      const table = token as Tokens.Table;
      for (const row of [table.header, ...table.rows]) {
        const text = row.map((cell) => inlineText(cell.tokens, [])).filter((cell) => cell !== '').join(', ');
        if (text !== '') body.push({ type: 'paragraph', text });
      }
      return;
    }
    case 'space':
    case 'hr':
      return;
    default: {
      const text = collapseWhitespace(decodeHtmlEntities((token as { text?: string }).text ?? ''));
      if (text !== '') body.push({ type: 'paragraph', text });
    }
  }
}

function toQuote(node: BodyNode): BodyNode {
  return node.type === 'caption' ? node : { type: 'quote', text: node.text };
}

function listItemToNodes(item: Tokens.ListItem, ordered: boolean, body: BodyNode[], inQuote: boolean): void {
  const images: string[] = [];
  let own = '';
  const nested: Token[] = [];
  for (const child of item.tokens) {
    if (child.type === 'list' || child.type === 'blockquote' || child.type === 'code' || child.type === 'html') {
      nested.push(child);
    } else if ('tokens' in child && Array.isArray(child.tokens)) {
      own += ` ${inlineText(child.tokens, images)}`;
    } else if ('text' in child && typeof child.text === 'string') {
      own += ` ${decodeHtmlEntities(child.text)}`;
    }
  }
  for (const alt of images) body.push({ type: 'caption', text: alt });
  const text = collapseWhitespace(own);
  if (text !== '') body.push(inQuote ? { type: 'quote', text } : { type: 'list-item', text, ordered });
  for (const child of nested) blockToNodes(child, body, inQuote);
}

/** The spoken text of inline tokens; image alt texts are collected into `images`. */
function inlineText(tokens: Token[] | undefined, images: string[]): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image': {
        const alt = collapseWhitespace((token as Tokens.Image).text);
        if (alt !== '') images.push(alt);
        break;
      }
      case 'html': {
        const html = (token as Tokens.HTML).text;
        if (!/^(?:<\/?[A-Za-z][^<>]*>|<!--[^]*-->)$/.test(html.trim())) text += htmlFragmentToText(html);
        break;
      }
      case 'br':
        text += ' ';
        break;
      case 'codespan':
      case 'escape':
        text += (token as Tokens.Codespan).text;
        break;
      case 'checkbox':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          text += inlineText(token.tokens, images);
        } else if ('text' in token && typeof token.text === 'string') {
          text += decodeHtmlEntities(token.text);
        }
    }
  }
  return collapseWhitespace(text);
}
