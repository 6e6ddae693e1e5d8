import { escapeHtml } from '../platform/markup-escape.js';
import type { Manifest, ManifestBlock, ManifestSentence } from '../publish/manifest.js';
import { oneLine } from '../platform/plain-text.js';
import { quoteHtml, withQuotes } from '../publish/quote-markup.js';
import { quoteBlockSpeaker, transcriptOutline, type TranscriptPart, type TranscriptStory } from '../publish/transcript-outline.js';

/** The transcript as page markup. */
export interface TranscriptMarkup {
  /** Content of the page's `<h1>`: the title's timed sentences when the title is read, else the escaped title. */
  title: string;
  /** The transcript's sections, headings starting at `<h3>`. */
  body: string;
}

/**
 * The manifest's blocks as HTML for the episode page: story titles and
 * section headings as headings (`h3`/`h4`), paragraphs, lists, quote blocks
 * as `<figure><blockquote>` with the speaker in `<cite>`, quoted speech in
 * `<q>` (its speaker named beside it when the paragraph does not), the
 * briefing's own intro, transitions and outro as narration. Every sentence
 * is a `<span class="sentence" data-start data-end>` (milliseconds). All
 * article text is escaped.
 */
export function transcriptMarkup(manifest: Manifest): TranscriptMarkup {
  const outline = transcriptOutline(manifest);
  const innerLevel = outline.headingLevel + 1;
  const body = outline.sections
    .map((section) => (section.kind === 'block' ? blockHtml(section.block, innerLevel) : storyHtml(section, innerLevel)))
    .join('\n');
  return { title: outline.titleBlock ? sentencesHtml(outline.titleBlock, false) : escapeHtml(outline.title), body };
}

function storyHtml(story: TranscriptStory, innerLevel: number): string {
  const parts = story.parts.map((part) => partHtml(part, innerLevel));
  if (story.url) {
    parts.unshift(`<p class="source">Source: <a href="${escapeHtml(story.url)}" rel="external noopener noreferrer">${escapeHtml(story.url)}</a></p>`);
  }
  if (!story.headed) return parts.join('\n');
  const id = `story-${story.index + 1}`;
  const title = story.titleBlock ? sentencesHtml(story.titleBlock, false) : escapeHtml(story.title);
  return `<section aria-labelledby="${id}">\n<h3 id="${id}">${title}</h3>\n${parts.join('\n')}\n</section>`;
}

function partHtml(part: TranscriptPart, innerLevel: number): string {
  if (part.kind === 'block') return blockHtml(part.block, innerLevel);
  return `<ul>\n${part.items.map((item) => `<li>${sentencesHtml(item, true)}</li>`).join('\n')}\n</ul>`;
}

function blockHtml(block: ManifestBlock, innerLevel: number): string {
  switch (block.kind) {
    case 'heading':
      return `<h${innerLevel}>${sentencesHtml(block, false)}</h${innerLevel}>`;
    case 'quote': {
      const quote = `<blockquote>\n<p>${sentencesHtml(block, false)}</p>\n</blockquote>`;
      const speaker = quoteBlockSpeaker(block);
      return speaker
        ? `<figure>\n${quote}\n<figcaption>— <cite>${escapeHtml(oneLine(speaker))}</cite></figcaption>\n</figure>`
        : `<figure>\n${quote}\n</figure>`;
    }
    case 'standfirst':
      return `<p class="standfirst">${sentencesHtml(block, true)}</p>`;
    case 'intro':
    case 'transition':
    case 'outro':
      return `<p class="narration">${sentencesHtml(block, true)}</p>`;
    default:
      return `<p>${sentencesHtml(block, true)}</p>`;
  }
}

function sentenceSpan(sentence: ManifestSentence, content: string): string {
  return `<span class="sentence" data-start="${Math.round(sentence.startMs)}" data-end="${Math.round(sentence.endMs)}">${content}</span>`;
}

/** The block's sentences as timed spans; quoted speech in `<q>` when `markQuotes`. */
function sentencesHtml(block: ManifestBlock, markQuotes: boolean): string {
  if (block.sentences.length === 0) return escapeHtml(oneLine(block.text));
  const unused = markQuotes ? block.quotes.filter((quote) => oneLine(quote.text) !== '') : [];
  const blockText = oneLine(block.text);
  return block.sentences
    .map((sentence) => {
      const text = oneLine(sentence.text);
      if (markQuotes && sentence.speaker && unused.length === 0) return sentenceSpan(sentence, quoteHtml(text, sentence.speaker, blockText));
      return sentenceSpan(sentence, markQuotes ? withQuotes(text, unused, blockText) : escapeHtml(text));
    })
    .join(' ');
}
