// `npm run bench:cluster`: throughput of service mode (minutes of audio built
// per minute of wall time) with 1, 2 and 4 worker processes, and for one long
// briefing fanned out, with scaling efficiency against one worker. Needs
// redis-server; every run gets a fresh Redis, store and cache, so nothing is
// served from an earlier run's cache.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('bench:cluster needs redis-server (apt-get install redis-server)');
  process.exit(1);
}
const articles = Number(process.env.BENCH_ARTICLES ?? 12);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const { Queue } = await import('bullmq');
const { parseEpisodeRequest } = await import(join(root, 'dist', 'service', 'episode-request.js'));
const { QUEUE_NAMES } = await import(join(root, 'dist', 'service', 'queue-names.js'));

const seed = readFileSync(join(root, 'templates', 'sample-article.md'), 'utf8');
const paragraphs = seed.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '' && !paragraph.startsWith('#') && !paragraph.startsWith('---'));

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `count` worker processes over `requests` and returns audio seconds and wall seconds. */
async function run(count, requests, extra = []) {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-cluster-'));
  const port = await freePort();
  const redis = spawn('redis-server', ['--save', '', '--appendonly', 'no', '--dir', scratch, '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
  const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
  await sleep(300);
  const jobsPerBuild = Math.max(1, Math.floor(cpus().length / count));
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [cli, 'worker', '--redis', `redis://127.0.0.1:${port}`, '--store', join(scratch, 'store'), '--jobs', String(jobsPerBuild), ...extra], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.stderr.on('data', (chunk) => chunk.toString().includes('worker ready') && resolve()))));
  const queue = new Queue(QUEUE_NAMES.builds, { connection });
  const started = process.hrtime.bigint();
  const jobs = await Promise.all(requests.map((request, index) => queue.add('build', parseEpisodeRequest(request), { jobId: `bench-${index}` })));
  let audioSeconds = 0;
  for (const job of jobs) {
    for (;;) {
      const state = await job.getState();
      if (state === 'failed') throw new Error(`job ${job.id} failed: ${(await queue.getJob(job.id)).failedReason}`);
      if (state === 'completed') break;
      await sleep(100);
    }
    audioSeconds += (await queue.getJob(job.id)).returnvalue.durationMs / 1000;
  }
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  await queue.close();
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.on('close', resolve))));
  redis.kill('SIGTERM');
  await new Promise((resolve) => redis.on('close', resolve));
  rmSync(scratch, { recursive: true, force: true });
  return { audioSeconds, wall, rate: audioSeconds / wall };
}

const short = Array.from({ length: articles }, (_, index) => ({ text: `Story ${index + 1}\n\n${paragraphs.slice(index % 3, (index % 3) + 3).join('\n\n')}` }));
const long = { text: `A long briefing\n\n${Array.from({ length: Number(process.env.BENCH_LONG_COPIES ?? 4) }, () => paragraphs.join('\n\n')).join('\n\n')}`.replace(/Story/g, 'Part') };

console.log(`briefing bench:cluster: ${articles} articles, ${cpus().length} cores, flite; audio minutes built per wall minute\n`);
let single;
for (const count of workerCounts) {
  const result = await run(count, short);
  single ??= result.rate;
  console.log(`${String(count).padStart(2)} worker${count === 1 ? ' ' : 's'}: ${result.rate.toFixed(2)} min/min (${(result.audioSeconds / 60).toFixed(1)} min of audio in ${result.wall.toFixed(1)} s), efficiency ${((result.rate / single / count) * 100).toFixed(0)}%`);
}
const fannedCount = Math.max(...workerCounts);
const one = await run(1, [long]);
const fanned = await run(fannedCount, [long], ['--fan-out', '8']);
console.log(`\none long briefing (${(one.audioSeconds / 60).toFixed(1)} min): 1 worker ${one.rate.toFixed(2)} min/min; fanned out on ${fannedCount} workers ${fanned.rate.toFixed(2)} min/min, efficiency ${((fanned.rate / one.rate / fannedCount) * 100).toFixed(0)}%`);
