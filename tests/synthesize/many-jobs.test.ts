import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whenAborted } from '../../src/platform/when-aborted.js';
import { FAKE_TTS } from '../helpers/fake-tts-program.js';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-many-jobs-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('briefing build --jobs 64', () => {
  const engines: [string, () => Promise<string[]>][] = [
    ['the embedded engine', async () => []],
    [
      'a local program',
      async () => {
        const program = join(folder, 'fake-tts.mjs');
        await writeFile(program, FAKE_TTS);
        return ['--engine', 'command', '--engine-option', `command=${process.execPath} ${program} --in {input} --out {out}`];
      },
    ],
  ];
  it.each(engines)('builds with %s without a MaxListenersExceededWarning', async (name, engineArguments) => {
    const article = join(folder, 'notices.txt');
    const notices = Array.from({ length: 24 }, (_, index) => `Notice ${index + 1}: the ferry leaves at ${index + 6} o'clock.`);
    await writeFile(article, `Harbour notices\n\n${notices.join('\n\n')}\n`);
    const output = join(folder, name.replace(/\W+/g, '-'));
    const run = await runBriefing(['build', article, '-o', output, '--no-cache', '--no-feed', '--jobs', '64', '-q', ...(await engineArguments())]);
    expect(run.stderr).not.toMatch(/MaxListenersExceeded|memory leak/i);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('whenAborted', () => {
  it('calls every waiting callback once through a single listener, and forgets those that leave', () => {
    const controller = new AbortController();
    let added = 0;
    const addEventListener = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added += 1;
      addEventListener(...args);
    }) as AbortSignal['addEventListener'];
    const calls: number[] = [];
    const forgets = Array.from({ length: 100 }, (_, index) => whenAborted(controller.signal, () => calls.push(index)));
    for (const forget of forgets.slice(50)) forget();
    controller.abort();
    controller.abort();
    expect(added).toBe(1);
    expect(calls).toEqual(Array.from({ length: 50 }, (_, index) => index));

    let late = 0;
    whenAborted(controller.signal, () => (late += 1));
    expect(late).toBe(1);
  });
});
