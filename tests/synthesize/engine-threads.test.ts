import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const dist = (path: string) => JSON.stringify(new URL(`../../dist/${path}`, import.meta.url).href);

/** Runs `script` as a module in a node of its own (threads run only from the compiled library) and returns its last line, parsed. */
async function runScript(script: string, cwd: string): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('engine threads started ahead of a build', () => {
  it('are taken by the pool, which starts none of its own, and synthesize as its own threads do', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-early-threads-'));
    try {
      const report = await runScript(
        `
        const { startWaitingEngineThreads, waitingEngineThreads } = await import(${dist('synthesize/engine-threads.js')});
        const { createEngine } = await import(${dist('engines/registry.js')});
        const { createWorkerPoolEngine } = await import(${dist('synthesize/worker-pool-engine.js')});
        const { Worker } = await import('node:worker_threads');
        startWaitingEngineThreads(2);
        const waiting = waitingEngineThreads();
        const flite = await createEngine('flite', { options: {} });
        const pool = createWorkerPoolEngine(flite, { engine: 'flite', options: {} }, 2);
        const request = (input) => ({ input, inputType: 'text', voice: 'slt' });
        const early = await Promise.all(['The ferry leaves at six.', 'The bridge opens at noon.'].map((text) => pool.synthesize(request(text))));
        const left = waitingEngineThreads();
        await pool.close();
        // The same words on a thread the pool starts itself: the same audio.
        const own = createWorkerPoolEngine(flite, { engine: 'flite', options: {} }, 1);
        const again = await own.synthesize(request('The ferry leaves at six.'));
        await own.close();
        console.log(JSON.stringify({ waiting, left, bytes: early.map((result) => result.audio.data.byteLength), same: Buffer.from(again.audio.data).equals(Buffer.from(early[0].audio.data)) }));
      `,
        folder,
      );
      expect(report.waiting).toBe(2);
      expect(report.left).toBe(0);
      expect((report.bytes as number[]).every((bytes) => bytes > 1000)).toBe(true);
      expect(report.same).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('never keep the process alive, and the ones no pool took are ended on request', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-early-threads-'));
    try {
      // Nothing ends the threads here: the process must still exit of itself.
      const untaken = await runScript(
        `
        const { startWaitingEngineThreads, waitingEngineThreads } = await import(${dist('synthesize/engine-threads.js')});
        startWaitingEngineThreads(2);
        console.log(JSON.stringify({ waiting: waitingEngineThreads() }));
      `,
        folder,
      );
      expect(untaken.waiting).toBe(2);
      const ended = await runScript(
        `
        const { startWaitingEngineThreads, waitingEngineThreads, endWaitingEngineThreads } = await import(${dist('synthesize/engine-threads.js')});
        startWaitingEngineThreads(2);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await endWaitingEngineThreads();
        console.log(JSON.stringify({ waiting: waitingEngineThreads() }));
      `,
        folder,
      );
      expect(ended.waiting).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('start only where the build would start its threads at once: an embedded engine, no episode of the day in the output folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-early-threads-'));
    try {
      await mkdir(join(folder, 'dated', '2026-03-04-an-earlier-episode'), { recursive: true });
      const report = await runScript(
        `
        const { startEngineThreadsEarly } = await import(${dist('pipeline/start-engine-threads-early.js')});
        const { waitingEngineThreads } = await import(${dist('synthesize/engine-threads.js')});
        const counts = {};
        const now = new Date(2026, 2, 4, 9, 30);
        for (const [name, settings] of [
          ['flite', { outputDirectory: 'fresh', jobs: 1, now }],
          ['default engine, one per core', { outputDirectory: 'fresh', now }],
          ['cloud engine', { engine: 'openai', outputDirectory: 'fresh', now }],
          ['module engine', { engine: './my-engine.js', outputDirectory: 'fresh', now }],
          ['episode of the day', { engine: 'flite', outputDirectory: 'dated', now }],
          ['episode of another day', { engine: 'flite', outputDirectory: 'dated', jobs: 1, now: new Date(2026, 2, 5, 9, 30) }],
        ]) {
          const end = await startEngineThreadsEarly(settings);
          counts[name] = waitingEngineThreads();
          await end();
        }
        console.log(JSON.stringify({ counts, after: waitingEngineThreads() }));
      `,
        folder,
      );
      const cores = Math.min((await import('node:os')).cpus().length, (await import('node:os')).availableParallelism());
      expect(report.counts).toEqual({
        flite: 1,
        'default engine, one per core': cores,
        'cloud engine': 0,
        'module engine': 0,
        'episode of the day': 0,
        'episode of another day': 1,
      });
      expect(report.after).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
