/**
 * A time as `hh:mm:ss.ttt` (WebVTT, `separator` '.') or `hh:mm:ss,mmm`
 * (SRT, `separator` ','). Rounded to whole ms; hours grow past two digits
 * when needed.
 */
export function formatCaptionTimestamp(ms: number, separator: '.' | ','): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  const millis = total % 1000;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(millis, 3)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
