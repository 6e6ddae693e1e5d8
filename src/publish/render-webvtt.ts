import type { CaptionCue } from './caption-cue.js';
import { formatCaptionTimestamp } from './caption-timestamp.js';
import { oneLine } from '../platform/plain-text.js';

/**
 * A WebVTT file (`text/vtt`) of the cues: the `WEBVTT` header, then each cue
 * as `hh:mm:ss.ttt --> hh:mm:ss.ttt` and its lines. Text is escaped (`&`,
 * `<`, `>`), so it can contain neither markup nor `-->`; a cue never holds a
 * blank line. A cue with a speaker is wrapped in `<v Speaker Name>…</v>`.
 */
export function renderWebVtt(cues: readonly CaptionCue[]): string {
  const parts = ['WEBVTT', ''];
  for (const cue of cues) {
    const lines = cue.lines.map(oneLine).filter((line) => line !== '').map(escapeCueText);
    if (lines.length === 0) continue;
    const speaker = cue.speaker ? oneLine(cue.speaker) : '';
    if (speaker !== '') {
      lines[0] = `<v ${escapeCueText(speaker)}>${lines[0]}`;
      lines[lines.length - 1] = `${lines[lines.length - 1]}</v>`;
    }
    parts.push(`${formatCaptionTimestamp(cue.startMs, '.')} --> ${formatCaptionTimestamp(cue.endMs, '.')}`, ...lines, '');
  }
  return `${parts.join('\n')}`;
}

/** Escapes text for a WebVTT cue payload or annotation. */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
