/** Transcripts of an episode: plain text and a self-contained HTML page. */
export { renderTranscriptText } from './transcript-text.js';
export { renderTranscriptHtml } from './transcript-html.js';
