/** One caption on screen: its time, its lines, and where it comes from. */
export interface CaptionCue {
  /** When the cue appears, in ms from the start of the episode. */
  startMs: number;
  /** When the cue disappears, in ms; always after `startMs`. */
  endMs: number;
  /** The lines shown, already wrapped; never empty strings. */
  lines: string[];
  /** Who is speaking, for quoted speech whose speaker is known. */
  speaker?: string;
  /** Id of the manifest block the text comes from. */
  blockId: string;
}

/** The cue's text on one line, as counted for reading speed. */
export function cueText(cue: Pick<CaptionCue, 'lines'>): string {
  return cue.lines.join(' ');
}
