/**
 * Ellipses: `...`, `…`, and the spaced `. . .` of edited quotations, with or
 * without a fourth dot that ends the sentence.
 */

/** A run of dots read from one position. */
export interface DotRun {
  /** Index just after the last dot. */
  end: number;
  /** Index just after the dots written together at its start (the `.` of `word. . . .`). */
  firstEnd: number;
  /** How many dots the run stands for; `…` counts three. */
  dots: number;
  /** Whether single spaces separate some of its dots (`. . .`). */
  spaced: boolean;
}

const SPACES_INSIDE = new Set([' ', '\u00A0', '\u2009', '\u202F']);

/** Whether `char` is a full stop or an ellipsis character. */
export function isDot(char: string | undefined): boolean {
  return char === '.' || char === '…';
}

/**
 * Reads the dots from `start`: those written together, then any that follow
 * one space apart (`compounds. . . .`, `weakened . . . was`, `base. ...`).
 */
export function readDotRun(text: string, start: number): DotRun {
  let index = start;
  let dots = 0;
  while (isDot(text[index])) dots += text[index++] === '…' ? 3 : 1;
  const firstEnd = index;
  let spaced = false;
  while (SPACES_INSIDE.has(text[index] ?? '') && isDot(text[index + 1]) && !/[\p{L}\p{N}]/u.test(text[index + 2] ?? '')) {
    index++;
    spaced = true;
    while (isDot(text[index])) dots += text[index++] === '…' ? 3 : 1;
  }
  return { end: index, firstEnd, dots, spaced };
}

/**
 * The end of an omission mark in brackets (`[...]`, `[…]`, `(...)`) whose
 * dots start at `start`, or -1: such a mark never ends a sentence.
 */
export function bracketedEllipsisEnd(text: string, start: number): number {
  const opening = text[start - 1];
  if (opening !== '[' && opening !== '(') return -1;
  const run = readDotRun(text, start);
  const closing = opening === '[' ? ']' : ')';
  return run.dots >= 3 && text[run.end] === closing ? run.end + 1 : -1;
}
