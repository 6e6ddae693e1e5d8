import { pageHead } from './page-head.js';
import { escapeHtml } from '../platform/markup-escape.js';
import type { Manifest } from '../publish/manifest.js';
import { oneLine } from '../platform/plain-text.js';
import { EPISODE_FILES } from '../publish/episode-files.js';
import { clockTime, isoDuration, readableDuration } from './clock-time.js';
import { inlineJson } from './inline-json.js';
import { dateHtml, interfaceLanguage, pageLanguage } from './page-language.js';
import { PLAYER_SCRIPT } from './player-script.js';
import { transcriptBodyHtml, transcriptTitleHtml } from '../publish/transcript-markup.js';
import { transcriptModel, type TranscriptModel } from '../publish/transcript-model.js';

/** Options of {@link renderEpisodePage}. */
export interface EpisodePageOptions {
  /** The episode's {@link transcriptModel}, when already built; else it is built from the manifest. */
  transcript?: TranscriptModel;
  /** Name of the show, in the page title and the link back to the show. */
  showTitle: string;
  /** Address of the show page relative to the episode folder; `false` for no link. Default `../index.html`. */
  showPage?: string | false;
  /** Address of the feed relative to the episode folder; `false` for no link. Default `../feed.xml`. */
  feed?: string | false;
}

const FILE_LABELS: Readonly<Record<string, string>> = {
  [EPISODE_FILES.audio]: 'Audio (MP3)',
  [EPISODE_FILES.webVtt]: 'Captions (WebVTT)',
  [EPISODE_FILES.srt]: 'Captions (SRT)',
  [EPISODE_FILES.transcriptText]: 'Transcript (plain text)',
  [EPISODE_FILES.transcriptHtml]: 'Transcript (HTML)',
  [EPISODE_FILES.chapters]: 'Chapters (JSON)',
};

function filesHtml(manifest: Manifest, ui: string): string {
  const names = manifest.files.length > 0 ? manifest.files.map((file) => file.name) : [manifest.audio || EPISODE_FILES.audio];
  const items = names.map((name) => `<li><a href="${escapeHtml(encodeURI(name))}">${escapeHtml(FILE_LABELS[name] ?? name)}</a></li>`);
  return `<h2${ui}>Files</h2>\n<ul class="files"${ui}>\n${items.join('\n')}\n</ul>`;
}

function chaptersHtml(model: TranscriptModel, ui: string): string {
  if (model.chapters.length === 0) return '';
  const items = model.chapters.map(
    (chapter) =>
      `<li><button type="button" class="chapter" data-start="${chapter.startMs}" data-end="${chapter.endMs}">` +
      `<span class="chapter-time">${clockTime(chapter.startMs)}</span> <span class="chapter-title">${escapeHtml(chapter.title)}</span></button></li>`,
  );
  return `<nav class="chapters" aria-labelledby="chapters-heading">\n<h2 id="chapters-heading"${ui}>Chapters</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

/**
 * The episode's web page, `index.html` of the episode folder: a complete,
 * self-contained HTML5 document that loads nothing but the folder's files
 * (inline style and script, system fonts, a Content-Security-Policy to
 * match). It has a banner with the title; a player that stays at the top of
 * the window while the transcript is read: an `<audio controls>` player for
 * the MP3, skip buttons, a caption line from the caption cues (the same cues
 * as `episode.vtt`, carried as data), a toggle for
 * follow-along scrolling (on by default, remembered) and one for spoken
 * announcements of the current sentence (a live region, off by default);
 * a `nav` of chapter buttons that seek the audio; and the transcript as
 * `main`, each sentence a span with its start and end in milliseconds,
 * highlighted while it is heard (nothing before playing starts) and
 * seeking when clicked or, from the keyboard, focused and activated with
 * Enter or Space. Long words and addresses wrap, so the page fits a phone's
 * width. Light and dark colours follow the reader's preference; all article
 * text is escaped.
 */
export function renderEpisodePage(manifest: Manifest, options: EpisodePageOptions): string {
  const language = pageLanguage(manifest.language);
  const ui = interfaceLanguage(language);
  const transcript = options.transcript ?? transcriptModel(manifest);
  const showTitle = escapeHtml(oneLine(options.showTitle));
  const title = escapeHtml(oneLine(manifest.title));
  const showPage = options.showPage ?? '../index.html';
  const feed = options.feed ?? '../feed.xml';
  const audio = escapeHtml(encodeURI(manifest.audio || EPISODE_FILES.audio));
  const cues = transcript.cues.map((cue) => ({ startMs: cue.startMs, endMs: cue.endMs, text: cue.lines.join('\n') }));
  const meta = [
    dateHtml(manifest.date, language),
    `<time datetime="${isoDuration(manifest.durationMs)}"${ui}>${readableDuration(manifest.durationMs)}</time>`,
    manifest.stories.length > 1 ? `<span${ui}>${manifest.stories.length} stories</span>` : '',
    manifest.author ? escapeHtml(oneLine(manifest.author)) : '',
  ].filter((part) => part !== '');
  const footerLinks = [
    showPage !== false ? `<a href="${escapeHtml(showPage)}">All episodes of ${showTitle}</a>` : '',
    feed !== false ? `<a href="${escapeHtml(feed)}" type="application/rss+xml">Podcast feed (RSS)</a>` : '',
  ].filter((link) => link !== '');

  return `${pageHead({
    language,
    title: `${title} – ${showTitle}`,
    script: PLAYER_SCRIPT,
    ...(feed !== false ? { feedLink: `<link rel="alternate" type="application/rss+xml" title="${showTitle}" href="${escapeHtml(feed)}">` } : {}),
  })}
<body>
<a class="skip-link" href="#transcript"${ui}>Skip to the transcript</a>
<header>
${showPage !== false ? `<p class="show-link"><a href="${escapeHtml(showPage)}">${showTitle}</a></p>` : `<p class="show-link">${showTitle}</p>`}
<h1 id="episode-title">${transcriptTitleHtml(transcript)}</h1>
<p class="meta">${meta.join(' · ')}</p>
</header>
<section class="player" aria-label="Player"${ui}>
<audio id="player" controls preload="metadata" src="${audio}" aria-labelledby="episode-title">
<a href="${audio}">Download the episode (MP3)</a>
</audio>
<div class="player-buttons" role="group" aria-label="Player options" data-needs-script hidden>
<button type="button" data-skip="-15">Back 15 s</button>
<button type="button" data-skip="15">Forward 15 s</button>
<button type="button" id="captions-toggle" aria-pressed="true" aria-controls="caption">Captions</button>
<button type="button" id="follow-toggle" aria-pressed="true" aria-controls="transcript">Follow along</button>
<button type="button" id="announce-toggle" aria-pressed="false" aria-controls="live">Announce sentences</button>
</div>
<p id="caption" class="caption" aria-hidden="true"></p>
<div id="live" class="visually-hidden" aria-live="off" aria-atomic="true"></div>
<p id="sentence-hint" class="visually-hidden"${ui}>Plays the episode from this sentence.</p>
</section>
${chaptersHtml(transcript, ui)}
<main id="transcript" aria-labelledby="transcript-heading" tabindex="-1">
<h2 id="transcript-heading"${ui}>Transcript</h2>
${transcriptBodyHtml(transcript, { storyHeadingLevel: 3, sourceLinks: true })}
</main>
<footer>
${filesHtml(manifest, ui)}
${footerLinks.length > 0 ? `<p${ui}>${footerLinks.join(' · ')}</p>` : ''}
</footer>
<script type="application/json" id="caption-cues">${inlineJson(cues)}</script>
<script>${PLAYER_SCRIPT}</script>
</body>
</html>
`;
}
