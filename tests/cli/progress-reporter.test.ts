import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter, remainingTime } from '../../src/cli/progress-reporter.js';

/** A stream that says it is a terminal and keeps what is written to it. */
function terminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, text: () => written };
}

describe('progress on a terminal', () => {
  it('shows no made-up time left before the first piece is done', () => {
    const { stream, text } = terminal();
    const reporter = new ProgressReporter('bar', stream);
    reporter.report({ stage: 'synthesize', done: 0, total: 12, audioMs: 0 });
    reporter.close();
    expect(text()).toMatch(/0\/12 pieces/);
    expect(text()).toMatch(/ETA --/);
    expect(text()).not.toMatch(/NF|Infinity|NaN/);
  });

  it('reports the time left at the pace so far', () => {
    expect(remainingTime(0, 10, 5000)).toBe('--');
    expect(remainingTime(5, 10, 10_000)).toBe('0:10');
    expect(remainingTime(1, 7, 20_000)).toBe('2:00');
    expect(remainingTime(10, 10, 10_000)).toBe('0:00');
  });
});
