import type { Manifest, ManifestBlock } from './manifest.js';
import { escapeHtml } from '../platform/markup-escape.js';
import { TRANSCRIPT_STYLESHEET } from './transcript-style.js';
import { oneLine } from '../platform/plain-text.js';
import { quoteHtml, withQuotes } from './quote-markup.js';
import {
  quoteBlockSpeaker,
  transcriptOutline,
  type TranscriptOutline,
  type TranscriptPart,
  type TranscriptStory,
} from './transcript-outline.js';

/**
 * The transcript as a complete, self-contained HTML5 document: `lang` from
 * the manifest, a `<main>` with the episode title as `<h1>`, an `<h2>` per
 * story when the briefing has several (headings inside stories are then
 * `<h3>`, else `<h2>`), a `<p>` per paragraph, quoted speech in `<q>`, quote
 * blocks as `<blockquote>` with the speaker in `<cite>`, and every sentence
 * in a `<span data-start="ms" data-end="ms">` so a page can follow the audio.
 * All text is escaped; the page loads nothing (inline stylesheet, no
 * scripts, fonts or images) and reads well in light and dark mode.
 */
export function renderTranscriptHtml(manifest: Manifest): string {
  const outline = transcriptOutline(manifest);
  const language = escapeHtml(oneLine(manifest.language) || 'en');
  const body = [header(manifest, outline), ...sectionsHtml(outline)].join('\n');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(outline.title)} – transcript</title>
<style>
${TRANSCRIPT_STYLESHEET}
</style>
</head>
<body>
<main>
<article>
${body}
</article>
</main>
</body>
</html>
`;
}

function header(manifest: Manifest, outline: TranscriptOutline): string {
  const title = outline.titleBlock ? sentencesHtml(outline.titleBlock, false) : escapeHtml(outline.title);
  const details = [
    manifest.author ? escapeHtml(oneLine(manifest.author)) : '',
    /^\d{4}-\d{2}-\d{2}$/.test(manifest.date) ? `<time datetime="${manifest.date}">${manifest.date}</time>` : '',
  ].filter((detail) => detail !== '');
  const meta = details.length > 0 ? `\n<p class="meta">${details.join(' · ')}</p>` : '';
  const block = outline.titleBlock ? ` data-block="${escapeHtml(outline.titleBlock.id)}"` : '';
  return `<header>\n<h1${block}>${title}</h1>${meta}\n</header>`;
}

function sectionsHtml(outline: TranscriptOutline): string[] {
  return outline.sections.map((section) =>
    section.kind === 'block' ? blockHtml(section.block, outline.headingLevel) : storyHtml(section, outline.headingLevel),
  );
}

function storyHtml(story: TranscriptStory, headingLevel: 2 | 3): string {
  const parts = story.parts.map((part) => partHtml(part, headingLevel));
  if (!story.headed) return parts.join('\n');
  const id = `story-${story.index + 1}`;
  const title = story.titleBlock ? sentencesHtml(story.titleBlock, false) : escapeHtml(story.title);
  const block = story.titleBlock ? ` data-block="${escapeHtml(story.titleBlock.id)}"` : '';
  return `<section aria-labelledby="${id}">\n<h2 id="${id}"${block}>${title}</h2>\n${parts.join('\n')}\n</section>`;
}

function partHtml(part: TranscriptPart, headingLevel: 2 | 3): string {
  if (part.kind === 'block') return blockHtml(part.block, headingLevel);
  const items = part.items.map((item) => `<li data-block="${escapeHtml(item.id)}">${sentencesHtml(item, true)}</li>`);
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

function blockHtml(block: ManifestBlock, headingLevel: 2 | 3): string {
  const id = `data-block="${escapeHtml(block.id)}"`;
  switch (block.kind) {
    case 'heading':
      return `<h${headingLevel} ${id}>${sentencesHtml(block, false)}</h${headingLevel}>`;
    case 'quote': {
      const quote = `<blockquote ${id}>\n<p>${sentencesHtml(block, false)}</p>\n</blockquote>`;
      const speaker = quoteBlockSpeaker(block);
      if (!speaker) return quote;
      return `<figure>\n${quote}\n<figcaption>— <cite>${escapeHtml(oneLine(speaker))}</cite></figcaption>\n</figure>`;
    }
    case 'standfirst':
      return `<p class="standfirst" ${id}>${sentencesHtml(block, true)}</p>`;
    case 'intro':
    case 'transition':
    case 'outro':
      return `<p class="narration" ${id}>${sentencesHtml(block, true)}</p>`;
    default:
      return `<p ${id}>${sentencesHtml(block, true)}</p>`;
  }
}

/** The block's sentences as timed spans; quoted speech in `<q>` when `markQuotes`. */
function sentencesHtml(block: ManifestBlock, markQuotes: boolean): string {
  if (block.sentences.length === 0) return escapeHtml(oneLine(block.text));
  const unused = markQuotes ? block.quotes.filter((quote) => oneLine(quote.text) !== '') : [];
  return block.sentences
    .map((sentence) => {
      const text = oneLine(sentence.text);
      const content = sentence.speaker && markQuotes && !unused.length
        ? quoteHtml(text, sentence.speaker, block.text)
        : withQuotes(text, unused, block.text);
      return `<span data-start="${Math.round(sentence.startMs)}" data-end="${Math.round(sentence.endMs)}">${content}</span>`;
    })
    .join(' ');
}
