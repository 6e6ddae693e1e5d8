/**
 * The transcript page's whole stylesheet: system fonts only (no requests),
 * light and dark colours from the reader's preference, and a `.current`
 * class a player script can set on the sentence being heard.
 */
export const TRANSCRIPT_STYLESHEET = `
:root { color-scheme: light dark; --text: #1b1b1f; --muted: #5b5d66; --background: #fdfdfc; --accent: #0b5cad; --rule: #d8d9de; --highlight: #fff2a8; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8ec; --muted: #a5a7b2; --background: #15161a; --accent: #8cc4ff; --rule: #3a3c45; --highlight: #4a3f00; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--background); color: var(--text); font: 1.125rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
p, ul { margin: 0 0 1rem; }
.meta, .source, .narration { color: var(--muted); }
.standfirst { font-size: 1.2rem; }
a { color: var(--accent); }
q { quotes: none; }
figure { margin: 1.5rem 0; }
blockquote { margin: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--accent); }
figcaption { color: var(--muted); margin-top: 0.25rem; }
cite { font-style: normal; font-weight: 600; }
span[data-start].current { background: var(--highlight); border-radius: 0.2em; }
@media print { body { background: #fff; color: #000; } }
`.trim();
