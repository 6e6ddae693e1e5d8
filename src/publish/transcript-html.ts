import type { Manifest } from './manifest.js';
import { escapeHtml } from '../platform/markup-escape.js';
import { TRANSCRIPT_STYLESHEET } from './transcript-style.js';
import { transcriptBodyHtml, transcriptTitleHtml } from './transcript-markup.js';
import { transcriptModel, type TranscriptModel } from './transcript-model.js';

/**
 * The transcript as a complete, self-contained HTML5 document: `lang` from
 * the manifest, a `<main>` with the episode title as `<h1>`, an `<h2>` per
 * story when the briefing has several (headings inside stories are then
 * `<h3>`, else `<h2>`), and the transcript's markup (see
 * {@link transcriptBodyHtml}), every sentence a `<span data-start="ms"
 * data-end="ms">` so a page can follow the audio. All text is escaped; the
 * page loads nothing (inline stylesheet, no scripts, fonts, images or links)
 * and reads well in light and dark mode.
 *
 * @param episode - the manifest, or its {@link transcriptModel} when already built
 */
export function renderTranscriptHtml(episode: Manifest | TranscriptModel): string {
  const model = 'sections' in episode ? episode : transcriptModel(episode);
  const body = [header(model), transcriptBodyHtml(model, { storyHeadingLevel: 2, sourceLinks: false })].filter((part) => part !== '').join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(model.title)} – transcript</title>
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

function header(model: TranscriptModel): string {
  const details = [
    model.author ? escapeHtml(model.author) : '',
    /^\d{4}-\d{2}-\d{2}$/.test(model.date) ? `<time datetime="${model.date}">${model.date}</time>` : '',
  ].filter((detail) => detail !== '');
  const meta = details.length > 0 ? `\n<p class="meta">${details.join(' · ')}</p>` : '';
  const block = model.titleBlock ? ` data-block="${escapeHtml(model.titleBlock.id)}"` : '';
  return `<header>\n<h1${block}>${transcriptTitleHtml(model)}</h1>${meta}\n</header>`;
}
