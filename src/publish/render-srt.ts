import type { CaptionCue } from './caption-cue.js';
import { formatCaptionTimestamp } from './caption-timestamp.js';
import { oneLine } from '../platform/plain-text.js';

/**
 * A SubRip (`.srt`) file of the cues: numbered from 1, times as
 * `hh:mm:ss,mmm --> hh:mm:ss,mmm`, plain text lines, a blank line after each
 * cue. SubRip has no escaping, so a `-->` in the text becomes `->` to keep
 * readers in step; speakers are not marked (SubRip has no standard way to).
 */
export function renderSrt(cues: readonly CaptionCue[]): string {
  const parts: string[] = [];
  let number = 0;
  for (const cue of cues) {
    const lines = cue.lines.map((line) => oneLine(line).replace(/-->/g, '->')).filter((line) => line !== '');
    if (lines.length === 0) continue;
    number += 1;
    parts.push(String(number), `${formatCaptionTimestamp(cue.startMs, ',')} --> ${formatCaptionTimestamp(cue.endMs, ',')}`, ...lines, '');
  }
  return parts.join('\n');
}
