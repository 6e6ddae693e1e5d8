import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON, startRedis, type TestRedis } from './redis-server.js';

const KEY = 'cluster-test-key-0123456789';
const LIMITED_KEY = 'cluster-limited-key-012345';
const STORY_NAMES = ['Harbour', 'Bridge', 'Library', 'Orchard', 'Station', 'Market', 'Museum', 'Theatre', 'Stadium', 'Airport', 'Canal', 'Garden', 'Tunnel', 'Castle', 'Lighthouse', 'Reservoir', 'Observatory', 'Aquarium', 'Cathedral', 'Ferry'];

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[], cwd: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, what: string, limit = 6000): Promise<T> {
  for (let attempt = 0; attempt < limit; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() || entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

describe.skipIf(!REDIS_AVAILABLE)(`service mode on several processes${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let redis: TestRedis;
  let folder: string;
  const processes: Started[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    folder = await mkdtemp(join(tmpdir(), 'briefing-cluster-'));
  });

  afterAll(async () => {
    for (const started of processes) if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    await Promise.all(processes.map((started) => started.exited));
    await redis?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('builds every valid post exactly once across three workers, one killed mid-job, and refuses every hostile one', async () => {
    const store = join(folder, 'store');
    const env = { BRIEFING_API_KEYS: `cms:${KEY},limited:${LIMITED_KEY}` };
    const common = ['--redis', redis.url, '--store', store];
    const workers = [0, 1, 2].map(() => start(['worker', ...common, '--jobs', '1', '--lock-duration', '3'], folder, {}));
    processes.push(...workers);
    const api = start(['api', ...common, '--port', '0', '--max-body', '65536', '--rate-limit', '1000'], folder, env);
    const limitedApi = start(['api', ...common, '--port', '0', '--rate-limit', '3', '--rate-window', '3600'], folder, env);
    processes.push(api, limitedApi);
    const addressOf = (started: Started) => waitFor(() => /listening at (http:\/\/\S+)/.exec(started.output())?.[1], 'the API to listen');
    const base = await addressOf(api);
    const limitedBase = await addressOf(limitedApi);
    await Promise.all(workers.map((worker) => waitFor(() => (worker.output().includes('worker ready') ? true : undefined), 'a worker to start')));

    const send = async (body: string, headers: Record<string, string> = {}, key: string | null = KEY, url = base) => {
      const response = await fetch(`${url}/v1/episodes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
        body,
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const article = (name: string) => JSON.stringify({ text: `${name} reopens\n\nThe ${name.toLowerCase()} reopened this morning after a short closure.` });

    // 32 posts: 20 stories, 5 retries of some of them under the same Idempotency-Key, 7 hostile.
    const ids = new Map<string, string>();
    for (const name of STORY_NAMES) {
      const answer = await send(article(name), { 'idempotency-key': `story-${name}` });
      expect(answer.status).toBe(202);
      ids.set(name, answer.json.id);
    }
    for (const name of STORY_NAMES.slice(0, 5)) {
      const answer = await send(article(name), { 'idempotency-key': `story-${name}` });
      expect(answer.status).toBe(202);
      expect(answer.json.id).toBe(ids.get(name));
    }
    const hostile: [string, number, string][] = [
      ['{"text": "unterminated', 400, 'MALFORMED_JSON'],
      ['{"text":"a","options":{"output":"/"}}', 400, 'OPTION_NOT_ALLOWED'],
      ['{"text":"a","options":{"engine":{"id":"../../evil.js"}}}', 400, 'OPTION_NOT_ALLOWED'],
      ['{"url":"file:///etc/passwd"}', 400, 'UNSUPPORTED_URL'],
      ['{"url":"http://169.254.169.254/latest/meta-data/"}', 422, 'URL_NOT_ALLOWED'],
      [`{"feed":"http://[::ffff:127.0.0.1]:${new URL(redis.url).port}/"}`, 422, 'URL_NOT_ALLOWED'],
      [JSON.stringify({ text: 'word '.repeat(30_000) }), 413, 'BODY_TOO_LARGE'],
    ];
    for (const [body, status, code] of hostile) {
      const answer = await send(body);
      expect({ status: answer.status, code: answer.json.error?.code }).toEqual({ status, code });
    }

    // Kill one worker with SIGKILL while it holds a job.
    const victim = workers[0]!;
    await waitFor(() => (/job \S+: started/.test(victim.output()) ? true : undefined), 'the first worker to take a job');
    victim.child.kill('SIGKILL');
    const killedJob = /job (\S+): started/.exec(victim.output().split('\n').filter((line) => line.includes(': started')).at(-1)!)![1]!;
    expect((await victim.exited).signal).toBe('SIGKILL');

    const jobs = await waitFor(async () => {
      const states = await Promise.all(
        [...ids.values()].map(async (id) => (await (await fetch(`${base}/v1/jobs/${id}`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as any),
      );
      return states.every((job) => job.state === 'completed' || job.state === 'failed') ? states : undefined;
    }, 'every job to finish');
    expect(jobs.filter((job) => job.state !== 'completed')).toEqual([]);
    const killed = jobs.find((job) => job.id === killedJob)!;
    expect(killed.state).toBe('completed');
    expect(workers.slice(1).some((worker) => worker.output().includes(`job ${killedJob}: built`))).toBe(true);

    // Every valid episode exactly once: one folder each, one feed item each.
    const episodes = jobs.map((job) => job.episode as string);
    expect(new Set(episodes).size).toBe(STORY_NAMES.length);
    const top = await readdir(store);
    expect(top.filter((name) => !name.startsWith('.') && /^\d{4}-\d{2}-\d{2}-/.test(name)).sort()).toEqual([...episodes].sort());
    const feed = await readFile(join(store, 'feed.xml'), 'utf8');
    const guids = [...feed.matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((match) => match[1]);
    expect(guids).toHaveLength(STORY_NAMES.length);
    expect(new Set(guids).size).toBe(STORY_NAMES.length);
    for (const name of STORY_NAMES) expect(feed.split(`<title>${name} reopens</title>`).length - 1).toBe(1);

    // Nothing partial anywhere: no staging folder, temporary file or lock left behind.
    const everything = await filesUnder(store);
    expect(everything.filter((path) => /\.tmp$|\.lock$|staging|\.partial/.test(path))).toEqual([]);
    for (const episode of episodes) {
      const manifest = JSON.parse(await readFile(join(store, episode, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number }[] };
      for (const file of manifest.files) expect((await readFile(join(store, episode, file.name))).length).toBe(file.bytes);
    }

    // Requests without a key, with a wrong key and over the rate limit are refused.
    expect((await send(article('Quay'), {}, null)).json.error.code).toBe('KEY_MISSING');
    expect((await send(article('Quay'), {}, 'wrong-key-0000000000000')).json.error.code).toBe('KEY_INVALID');
    const limited = [];
    for (let index = 0; index < 4; index++) limited.push(await send('{"text": "broken', {}, LIMITED_KEY, limitedBase));
    expect(limited.map((answer) => answer.status)).toEqual([400, 400, 400, 429]);
    expect(limited[3]!.json.error.code).toBe('RATE_LIMITED');

    // SIGTERM stops the remaining workers once they hold no job.
    for (const worker of workers.slice(1)) worker.child.kill('SIGTERM');
    for (const worker of workers.slice(1)) expect((await worker.exited).code).toBe(143);
  });
});
