/**
 * The stylesheet of the episode and show pages: system fonts only (no
 * requests), light and dark colours from the reader's preference, a clearly
 * visible keyboard focus, and the highlight of the sentence being heard.
 */
export const PAGE_STYLESHEET = `
:root { color-scheme: light dark; --text: #1b1b1f; --muted: #55575f; --background: #fdfdfc; --surface: #f1f1ee; --accent: #0b5cad; --accent-text: #ffffff; --rule: #d3d4d9; --highlight: #fff0a0; --highlight-text: #1b1b1f; --focus: #b3261e; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8ec; --muted: #a9abb5; --background: #131418; --surface: #1e2026; --accent: #8cc4ff; --accent-text: #0b1a2b; --rule: #3a3c45; --highlight: #5a4b00; --highlight-text: #fff6cc; --focus: #ffb4ab; }
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; background: var(--background); color: var(--text); font: 1.125rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
img, audio, video { max-width: 100%; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: var(--accent); color: var(--accent-text); border-radius: 0.3rem; z-index: 2; }
.skip-link:focus { top: 0.5rem; }
header, main, nav, footer, .player { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
header nav { padding: 0; }
footer { padding-bottom: 3rem; color: var(--muted); font-size: 0.95rem; border-top: 1px solid var(--rule); margin-top: 2.5rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol { margin: 0 0 1rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
.show-link { margin: 0; font-weight: 600; }
.meta, .source, .narration, .speaker { color: var(--muted); }
.source a, .files a, footer a { overflow-wrap: anywhere; }
.standfirst { font-size: 1.2rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button { font: inherit; font-size: 0.95rem; color: var(--text); background: var(--surface); border: 1px solid var(--rule); border-radius: 0.4rem; padding: 0.4rem 0.8rem; cursor: pointer; }
button:hover { border-color: var(--accent); }
button[aria-pressed="true"] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.player { position: sticky; top: 0; z-index: 1; background: var(--background); padding-top: 0.75rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--rule); }
audio { width: 100%; display: block; }
.player-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.6rem; }
.caption { min-height: 1.65em; margin: 0.6rem 0 0; font-weight: 600; white-space: pre-line; }
.chapters ol { list-style: none; padding: 0; display: grid; gap: 0.35rem; }
.chapters button { width: 100%; text-align: left; display: flex; gap: 0.75rem; align-items: baseline; }
.chapter-title { min-width: 0; overflow-wrap: anywhere; }
.chapters button[aria-current="true"] { border-color: var(--accent); box-shadow: inset 4px 0 0 var(--accent); }
.chapter-time { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 3.5rem; }
.sentence { cursor: pointer; border-radius: 0.2em; }
.sentence:focus-visible { outline-offset: 1px; }
.sentence:hover { text-decoration: underline; text-decoration-color: var(--rule); }
.sentence.current { background: var(--highlight); color: var(--highlight-text); box-shadow: 0 0 0 0.12em var(--highlight); }
q { quotes: none; }
figure { margin: 1.5rem 0; }
blockquote { margin: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--accent); }
figcaption { color: var(--muted); margin-top: 0.25rem; }
cite { font-style: normal; font-weight: 600; }
.files { padding-left: 1.2rem; }
.cover { width: 10rem; height: 10rem; border-radius: 0.5rem; object-fit: cover; float: right; margin: 0 0 1rem 1rem; }
.episodes { list-style: none; padding: 0; clear: both; }
.episodes li { border-top: 1px solid var(--rule); padding: 0.5rem 0; }
.episodes h3 { margin: 0.5rem 0 0.25rem; }
.feed-url { word-break: break-all; }
@media (max-width: 32rem) { .cover { float: none; display: block; margin: 0 0 1rem; } }
@media (prefers-reduced-motion: reduce) { html { scroll-behavior: auto; } }
@media print { .player, .chapters button { display: none; } body { background: #fff; color: #000; } }
`.trim();
