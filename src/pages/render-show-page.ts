import { pageHead } from './page-head.js';
import type { ShowSettings } from '../publish/show-settings.js';
import { episodeDescription } from '../feed/episode-description.js';
import { showUrls } from '../feed/show-urls.js';
import { escapeHtml } from '../platform/markup-escape.js';
import type { Manifest } from '../publish/manifest.js';
import { oneLine } from '../platform/plain-text.js';
import { isoDuration, readableDuration } from './clock-time.js';
import { dateHtml, interfaceLanguage, pageLanguage } from './page-language.js';

/** An episode of the show page: its manifest and the name of its folder in the output folder. */
export interface ShowPageEpisode {
  manifest: Manifest;
  folder: string;
}

/** Options of {@link renderShowPage}. */
export interface ShowPageOptions {
  /** File name of the cover in the output folder (`cover.png` or `cover.jpg`); none shown when absent. */
  coverFile?: string;
  /** File name of the feed in the output folder. Default `feed.xml`. */
  feedFile?: string;
  /** List only this many episodes, newest first, as the feed keeps them. Default: all. */
  keep?: number;
}

function newestFirst(a: ShowPageEpisode, b: ShowPageEpisode): number {
  return b.manifest.date.localeCompare(a.manifest.date) || b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.folder.localeCompare(a.folder);
}

/**
 * The show's web page, `index.html` of the output folder: the show's title,
 * cover and description, a link to the podcast feed (and its address to
 * copy into a podcast app), and every episode newest first with its date,
 * length and description, linking to the episode's page. Self-contained:
 * inline style, no script, nothing loaded from elsewhere; all text escaped.
 */
export function renderShowPage(episodes: readonly ShowPageEpisode[], show: ShowSettings, options: ShowPageOptions = {}): string {
  const language = pageLanguage(show.language);
  const ui = interfaceLanguage(language);
  const title = escapeHtml(oneLine(show.title));
  const feedFile = escapeHtml(encodeURI(options.feedFile ?? 'feed.xml'));
  const feedUrl = escapeHtml(showUrls(show).feedUrl);
  const items = [...episodes].sort(newestFirst).slice(0, options.keep ?? episodes.length).map((episode, index) => {
    const { manifest } = episode;
    const id = `episode-${index + 1}`;
    const href = `${escapeHtml(encodeURIComponent(episode.folder))}/index.html`;
    const meta = [
      dateHtml(manifest.date, language),
      `<time datetime="${isoDuration(manifest.durationMs)}"${ui}>${readableDuration(manifest.durationMs)}</time>`,
      manifest.stories.length > 1 ? `<span${ui}>${manifest.stories.length} stories</span>` : '',
    ].filter((part) => part !== '');
    const description = episodeDescription(manifest);
    return `<li>
<article aria-labelledby="${id}">
<h3 id="${id}"><a href="${href}">${escapeHtml(oneLine(manifest.title))}</a></h3>
<p class="meta">${meta.join(' · ')}</p>
${description ? `<p>${escapeHtml(description)}</p>` : ''}
</article>
</li>`;
  });
  const list = items.length > 0 ? `<ol class="episodes">\n${items.join('\n')}\n</ol>` : `<p${ui}>No episodes yet.</p>`;

  return `${pageHead({ language, title, feedLink: `<link rel="alternate" type="application/rss+xml" title="${title}" href="${feedFile}">` })}
<body>
<a class="skip-link" href="#episodes"${ui}>Skip to the episodes</a>
<header>
${options.coverFile ? `<img class="cover" src="${escapeHtml(encodeURI(options.coverFile))}" alt="" width="160" height="160">` : ''}
<h1>${title}</h1>
<p>${escapeHtml(show.description.trim())}</p>
<p class="meta">${escapeHtml(oneLine(show.author))}</p>
<nav aria-label="Subscribe"${ui}>
<p><a href="${feedFile}" type="application/rss+xml">Subscribe with the podcast feed (RSS)</a><br>
<span class="meta">Feed address for podcast apps:</span> <code class="feed-url">${feedUrl}</code></p>
</nav>
</header>
<main id="episodes" aria-labelledby="episodes-heading" tabindex="-1">
<h2 id="episodes-heading"${ui}>Episodes</h2>
${list}
</main>
<footer>
<p${ui}>Made with briefing.</p>
</footer>
</body>
</html>
`;
}
