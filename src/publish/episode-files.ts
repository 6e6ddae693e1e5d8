/** The names of the files of an episode folder. */
export const EPISODE_FILES = {
  audio: 'episode.mp3',
  webVtt: 'episode.vtt',
  srt: 'episode.srt',
  transcriptText: 'transcript.txt',
  transcriptHtml: 'transcript.html',
  chapters: 'chapters.json',
  manifest: 'manifest.json',
} as const;
