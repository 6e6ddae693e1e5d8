import { escapeHtml } from '../platform/markup-escape.js';
import type { TranscriptBlock, TranscriptModel, TranscriptPart, TranscriptRun, TranscriptSentence, TranscriptStory } from './transcript-model.js';

/** How a page places the transcript. */
export interface TranscriptMarkupOptions {
  /** Level of the story headings (`2` under the page's `<h1>`, `3` under a "Transcript" `<h2>`); headings inside a headed story sit one lower. */
  storyHeadingLevel: 2 | 3;
  /** Whether each story starts with a link to its article. */
  sourceLinks: boolean;
}

/**
 * The content of the transcript's `<h1>`: the title block's timed sentences
 * when the title is read, else the escaped episode title.
 */
export function transcriptTitleHtml(model: TranscriptModel): string {
  return model.titleBlock ? sentencesHtml(model.titleBlock) : escapeHtml(model.title);
}

/**
 * The transcript's sections as HTML, the one markup both `transcript.html`
 * and the episode page show: a `<section>` per headed story, headings,
 * paragraphs, lists, quote blocks as `<blockquote>` (in a `<figure>` with the
 * speaker in `<cite>` when known), quoted speech in `<q data-speaker>` with
 * the speaker beside it when the paragraph does not name them, the
 * briefing's own intro, transitions and outro as `p.narration`. Every block
 * carries `data-block` (its manifest id) and every sentence is a
 * `<span class="sentence" data-start data-end>` (ms). All text is escaped.
 */
export function transcriptBodyHtml(model: TranscriptModel, options: TranscriptMarkupOptions): string {
  const innerLevel = model.storiesHeaded ? options.storyHeadingLevel + 1 : options.storyHeadingLevel;
  return model.sections
    .map((section) => (section.kind === 'block' ? blockHtml(section.block, innerLevel) : storyHtml(section, innerLevel, options)))
    .join('\n');
}

function storyHtml(story: TranscriptStory, innerLevel: number, options: TranscriptMarkupOptions): string {
  const parts = story.parts.map((part) => partHtml(part, innerLevel));
  if (options.sourceLinks && story.url) {
    parts.unshift(`<p class="source">Source: <a href="${escapeHtml(story.url)}" rel="external noopener noreferrer">${escapeHtml(story.url)}</a></p>`);
  }
  if (!story.headed) return parts.join('\n');
  const id = `story-${story.index + 1}`;
  const level = options.storyHeadingLevel;
  const title = story.titleBlock ? sentencesHtml(story.titleBlock) : escapeHtml(story.title);
  return `<section aria-labelledby="${id}">\n<h${level} id="${id}"${blockAttribute(story.titleBlock)}>${title}</h${level}>\n${parts.join('\n')}\n</section>`;
}

function partHtml(part: TranscriptPart, innerLevel: number): string {
  if (part.kind === 'block') return blockHtml(part.block, innerLevel);
  return `<ul>\n${part.items.map((item) => `<li${blockAttribute(item)}>${sentencesHtml(item)}</li>`).join('\n')}\n</ul>`;
}

function blockHtml(block: TranscriptBlock, innerLevel: number): string {
  const id = blockAttribute(block);
  switch (block.kind) {
    case 'heading':
      return `<h${innerLevel}${id}>${sentencesHtml(block)}</h${innerLevel}>`;
    case 'quote': {
      const quote = `<blockquote${id}>\n<p>${sentencesHtml(block)}</p>\n</blockquote>`;
      if (!block.speaker) return quote;
      return `<figure>\n${quote}\n<figcaption>— <cite>${escapeHtml(block.speaker)}</cite></figcaption>\n</figure>`;
    }
    case 'standfirst':
      return `<p class="standfirst"${id}>${sentencesHtml(block)}</p>`;
    case 'intro':
    case 'transition':
    case 'outro':
      return `<p class="narration"${id}>${sentencesHtml(block)}</p>`;
    default:
      return `<p${id}>${sentencesHtml(block)}</p>`;
  }
}

function blockAttribute(block: TranscriptBlock | undefined): string {
  return block ? ` data-block="${escapeHtml(block.id)}"` : '';
}

/** The block's sentences as timed spans; its text as it is when it has none. */
function sentencesHtml(block: TranscriptBlock): string {
  if (block.sentences.length === 0) return escapeHtml(block.text);
  return block.sentences.map(sentenceHtml).join(' ');
}

function sentenceHtml(sentence: TranscriptSentence): string {
  return `<span class="sentence" data-start="${sentence.startMs}" data-end="${sentence.endMs}">${sentence.runs.map(runHtml).join('')}</span>`;
}

function runHtml(run: TranscriptRun): string {
  if (run.kind === 'text') return escapeHtml(run.text);
  const speaker = run.speaker ? ` data-speaker="${escapeHtml(run.speaker)}"` : '';
  const credit = run.credit && run.speaker ? ` <cite class="speaker">(${escapeHtml(run.speaker)})</cite>` : '';
  return `<q${speaker}>${escapeHtml(run.text)}</q>${credit}`;
}
