import { fileURLToPath } from 'node:url';

/** Music mixed around and under the narration. Paths are any audio ffmpeg reads. */
export interface MusicSettings {
  /** Played before the narration; the narration starts over its last second. */
  intro?: string;
  /** Played after the narration. */
  outro?: string;
  /** Looped under the whole narration, faded in and out, and ducked whenever speech plays. */
  bed?: string;
  /** Loudness of the bed while speech plays, relative to the speech, LU. Default −22 (the standard asks for at least 12 under). */
  bedLevelDb?: number;
  /** Length of the bed's fades in and out, ms. Default 2000. */
  fadeMs?: number;
}

/** The music that ships in `templates/music/` (synthesized by `scripts/make-music.mjs`). */
export function defaultMusic(): Required<Pick<MusicSettings, 'intro' | 'outro' | 'bed'>> {
  const path = (name: string) => fileURLToPath(new URL(`../../templates/music/${name}`, import.meta.url));
  return { intro: path('intro.mp3'), outro: path('outro.mp3'), bed: path('bed.mp3') };
}
