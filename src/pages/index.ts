/** The HTML pages of the output: one per episode folder and one for the show. */
export { renderEpisodePage, type EpisodePageOptions } from './render-episode-page.js';
export { renderShowPage, type ShowPageEpisode, type ShowPageOptions } from './render-show-page.js';
export { writeEpisodePage, writeShowPage, listEpisodes, PAGE_FILE_NAME } from './write-pages.js';
export { clockTime, readableDuration, isoDuration } from './clock-time.js';
