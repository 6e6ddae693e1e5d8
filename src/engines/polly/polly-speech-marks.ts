import type { WordTiming } from '../speech-engine.js';

/** One speech mark, as Polly documents its line-delimited JSON output. */
interface SpeechMark {
  time: number;
  type: string;
  start?: number;
  end?: number;
  value: string;
}

/**
 * Parses Polly's speech marks (one JSON object a line) into word timings.
 * A mark only says when a word starts, so each word ends where the next one
 * starts, and the last one at the end of the audio.
 *
 * @param text - the `json` output of a `SpeechMarkTypes: ['word']` request
 * @param audioDurationMs - length of the matching audio
 */
export function parseWordMarks(text: string, audioDurationMs: number): WordTiming[] {
  const marks: SpeechMark[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      const mark = JSON.parse(line) as Partial<SpeechMark>;
      if (mark.type === 'word' && typeof mark.time === 'number' && typeof mark.value === 'string') {
        marks.push(mark as SpeechMark);
      }
    } catch {
      // a truncated line carries no usable timing
    }
  }
  marks.sort((a, b) => a.time - b.time);
  return marks.map((mark, index) => {
    const next = marks[index + 1];
    const endMs = next ? next.time : Math.max(mark.time, Math.round(audioDurationMs));
    return { word: mark.value, startMs: mark.time, endMs };
  });
}
