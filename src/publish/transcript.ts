/** Transcripts of an episode: one model, rendered as plain text and as a self-contained HTML page. */
export { renderTranscriptText } from './transcript-text.js';
export { renderTranscriptHtml } from './transcript-html.js';
export { transcriptBodyHtml, transcriptTitleHtml, type TranscriptMarkupOptions } from './transcript-markup.js';
export {
  transcriptModel,
  transcriptBlocks,
  type TranscriptModel,
  type TranscriptSection,
  type TranscriptStory,
  type TranscriptPart,
  type TranscriptList,
  type TranscriptBlockPart,
  type TranscriptBlock,
  type TranscriptSentence,
  type TranscriptRun,
  type TranscriptChapter,
} from './transcript-model.js';
