import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';

const AUDIO_BYTES = 8 * 1024 * 1024;
let folder: string;
const running: ChildProcessWithoutNullStreams[] = [];

/** Starts `briefing serve` on a free port and resolves with the process and its address. */
async function startServe(): Promise<{ child: ChildProcessWithoutNullStreams; url: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(process.execPath, [CLI, 'serve', folder, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then(({ code }) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, url, exited };
}

/** Asks for the MP3 from `start` on and hangs up as soon as the first bytes arrive, as a player does when the user seeks. */
function abortedDownload(url: string, start: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = get(new URL('episode/episode.mp3', url), { headers: { Range: `bytes=${start}-` } }, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => (request.destroyed ? resolve() : reject(error)));
  });
}

function completeDownload(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(new URL('episode/episode.mp3', url), (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function openDescriptors(pid: number): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-serve-command-'));
  await mkdir(join(folder, 'episode'));
  await writeFile(join(folder, 'episode', 'episode.mp3'), randomBytes(AUDIO_BYTES));
  await writeFile(join(folder, 'index.html'), '<!DOCTYPE html><title>Show</title>');
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

describe('briefing serve', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file of every download the client abandons', async () => {
    const { child, url } = await startServe();
    const pid = child.pid!;
    expect((await completeDownload(url)).bytes).toBe(AUDIO_BYTES);
    const before = await openDescriptors(pid);
    for (let seek = 0; seek < 40; seek += 1) await abortedDownload(url, (seek * 197_003) % AUDIO_BYTES);
    expect(await completeDownload(url)).toEqual({ status: 200, bytes: AUDIO_BYTES });
    // Closing a descriptor completes on the server's own schedule: look again a few times before judging.
    let after = await openDescriptors(pid);
    for (let look = 0; look < 50 && after > before; look += 1) {
      await sleep(100);
      after = await openDescriptors(pid);
    }
    expect(after).toBeLessThanOrEqual(before);
    child.kill('SIGTERM');
  });

  it('exits 143 on SIGTERM and 130 on SIGINT', async () => {
    const term = await startServe();
    term.child.kill('SIGTERM');
    expect(await term.exited).toEqual({ code: 143, signal: null });
    const interrupt = await startServe();
    interrupt.child.kill('SIGINT');
    expect(await interrupt.exited).toEqual({ code: 130, signal: null });
  });
});
