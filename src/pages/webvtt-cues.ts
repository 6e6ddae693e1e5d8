/** A caption cue: when it shows and its text as plain lines. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  /** Text with tags (such as `<v Name>`) removed and entities decoded; lines joined by `\n`. */
  text: string;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;

function milliseconds(stamp: string): number | undefined {
  const match = TIMESTAMP.exec(stamp.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

function plainText(payload: string): string {
  return payload
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}

/**
 * The cues of a WebVTT document, in file order. Notes, styles, regions and
 * blocks without a valid timing line are skipped; a file that does not start
 * with `WEBVTT` has no cues.
 */
export function webVttCues(vtt: string): CaptionCue[] {
  const text = vtt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t]|\n|$)/.test(text)) return [];
  const cues: CaptionCue[] = [];
  for (const block of text.split(/\n{2,}/).slice(1)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0 || timing > 1) continue;
    const [from = '', rest = ''] = lines[timing]!.split('-->');
    const startMs = milliseconds(from);
    const endMs = milliseconds(rest.trim().split(/\s+/)[0] ?? '');
    if (startMs === undefined || endMs === undefined || endMs < startMs) continue;
    cues.push({ startMs, endMs, text: plainText(lines.slice(timing + 1).join('\n')).trim() });
  }
  return cues;
}
