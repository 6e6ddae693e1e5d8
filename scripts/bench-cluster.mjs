// `npm run bench:cluster`: throughput of service mode (minutes of audio built
// per minute of wall time) with 1, 2 and 4 worker processes, and for one long
// briefing fanned out, with scaling efficiency against one worker. Needs
// redis-server; every run gets a fresh Redis, store and cache, so nothing is
// served from an earlier run's cache. It also measures what N machines share
// (Redis commands a build takes, the time a build holds the publishing lock,
// what one Redis server takes) and prints the ceiling they put on N.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
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
const { Queue, Worker } = await import('bullmq');
const { Redis } = await import('ioredis');
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

/** Redis's count of commands processed so far. */
async function redisCommands(redis) {
  return Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))[1]);
}

async function startRedis(scratch) {
  const port = await freePort();
  const server = spawn('redis-server', ['--save', '', '--appendonly', 'no', '--dir', scratch, '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
  const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
  const client = new Redis(connection);
  // Refused connections while the server starts are expected: the ping below waits for it.
  client.on('error', () => undefined);
  for (let attempt = 0; ; attempt++) {
    try {
      await client.ping();
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await sleep(50);
    }
  }
  return {
    port,
    connection,
    client,
    stop: async () => {
      client.disconnect();
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
    },
  };
}

/**
 * Runs `count` worker processes over `requests` and returns audio seconds,
 * wall seconds, the jobs' synthesis and publishing seconds, and the Redis
 * commands the whole run took.
 */
async function run(count, requests, extra = []) {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-cluster-'));
  const redis = await startRedis(scratch);
  const jobsPerBuild = Math.max(1, Math.floor(cpus().length / count));
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [cli, 'worker', '--redis', `redis://127.0.0.1:${redis.port}`, '--store', join(scratch, 'store'), '--jobs', String(jobsPerBuild), ...extra], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          let output = '';
          worker.stderr.on('data', (chunk) => {
            output += chunk.toString();
            if (output.includes('worker ready')) resolve();
          });
          worker.on('close', (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${output.trim()}`)));
        }),
    ),
  );
  const queue = new Queue(QUEUE_NAMES.builds, { connection: redis.connection });
  const commandsBefore = await redisCommands(redis.client);
  const started = process.hrtime.bigint();
  const jobs = await Promise.all(requests.map((request, index) => queue.add('build', parseEpisodeRequest(request), { jobId: `bench-${index}` })));
  const results = [];
  for (const job of jobs) {
    for (;;) {
      const state = await job.getState();
      if (state === 'failed') throw new Error(`job ${job.id} failed: ${(await queue.getJob(job.id)).failedReason}`);
      if (state === 'completed') break;
      await sleep(100);
    }
    results.push((await queue.getJob(job.id)).returnvalue);
  }
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const commands = (await redisCommands(redis.client)) - commandsBefore;
  await queue.close();
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.on('close', resolve))));
  await redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  const audioSeconds = sum((result) => result.durationMs / 1000);
  return {
    audioSeconds,
    wall,
    rate: audioSeconds / wall,
    synthesisSeconds: sum((result) => result.synthesisSeconds ?? 0),
    publishSeconds: Math.max(...results.map((result) => result.publishSeconds ?? 0)),
    meanPublishSeconds: sum((result) => result.publishSeconds ?? 0) / results.length,
    commandsPerBuild: commands / results.length,
    episodes: results.length,
  };
}

/** Redis commands per second that empty BullMQ jobs drive through one Redis (a floor of what Redis takes: the clients here share the machine). */
async function queueCapacity(total = 3000) {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-queue-'));
  const redis = await startRedis(scratch);
  const queue = new Queue('bench-noop', { connection: redis.connection });
  let done = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const worker = new Worker('bench-noop', async () => undefined, { connection: redis.connection, concurrency: 32 });
  worker.on('completed', () => ++done === total && finish());
  const before = await redisCommands(redis.client);
  const started = process.hrtime.bigint();
  for (let index = 0; index < total; index += 500) await queue.addBulk(Array.from({ length: Math.min(500, total - index) }, (_, offset) => ({ name: 'noop', data: { index: index + offset } })));
  await finished;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const commands = (await redisCommands(redis.client)) - before;
  await worker.close();
  await queue.close();
  await redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  return { jobsPerSecond: total / wall, commandsPerSecond: commands / wall };
}

const short = Array.from({ length: articles }, (_, index) => ({ text: `Story ${index + 1}\n\n${paragraphs.slice(index % 3, (index % 3) + 3).join('\n\n')}` }));
const long = { text: `A long briefing\n\n${Array.from({ length: Number(process.env.BENCH_LONG_COPIES ?? 4) }, () => paragraphs.join('\n\n')).join('\n\n')}`.replace(/Story/g, 'Part') };

const cores = cpus().length;
const load = loadavg()[0].toFixed(1);
console.log(`briefing bench:cluster: ${articles} articles, ${cores} cores (load ${load} at start), flite; audio minutes built per wall minute\n`);
const measured = [];
let single;
for (const count of workerCounts) {
  const result = await run(count, short);
  single ??= result.rate;
  measured.push({ count, ...result });
  console.log(
    `${String(count).padStart(2)} worker${count === 1 ? ' ' : 's'}: ${result.rate.toFixed(2)} min/min (${(result.audioSeconds / 60).toFixed(1)} min of audio in ${result.wall.toFixed(1)} s), efficiency ${((result.rate / single / count) * 100).toFixed(0)}%; synthesis ${result.synthesisSeconds.toFixed(1)} s in all, publishing lock held ${(result.meanPublishSeconds * 1000).toFixed(0)} ms a job (at most ${(result.publishSeconds * 1000).toFixed(0)}), ${result.commandsPerBuild.toFixed(0)} Redis commands a job`,
  );
}
const fannedCount = Math.max(...workerCounts);
const one = await run(1, [long]);
const fanned = await run(fannedCount, [long], ['--fan-out', '8']);
console.log(
  `\none long briefing (${(one.audioSeconds / 60).toFixed(1)} min): 1 worker ${one.rate.toFixed(2)} min/min; fanned out on ${fannedCount} workers ${fanned.rate.toFixed(2)} min/min, efficiency ${((fanned.rate / one.rate / fannedCount) * 100).toFixed(0)}% (${fanned.commandsPerBuild.toFixed(0)} Redis commands for the build and its parts)`,
);

// What N machines would do: each machine adds what this one makes with its best number of workers,
// until a shared part saturates: the publishing lock (one job at a time) or Redis.
const capacity = await queueCapacity();
const best = measured.reduce((top, result) => (result.rate > top.rate ? result : top));
const episodeMinutes = best.audioSeconds / best.episodes / 60;
const publishCeiling = (60 / Math.max(...measured.map((result) => result.meanPublishSeconds))) * episodeMinutes;
const commandsPerBuild = Math.max(...measured.map((result) => result.commandsPerBuild));
const redisCeiling = ((capacity.commandsPerSecond * 60) / commandsPerBuild) * episodeMinutes;
const machines = Math.floor(Math.min(publishCeiling, redisCeiling) / best.rate);
console.log(`\nRedis here: ${capacity.jobsPerSecond.toFixed(0)} empty jobs/s, ${capacity.commandsPerSecond.toFixed(0)} commands/s (a floor: the clients share the machine)`);
console.log(`per machine of ${cores} cores: ${best.rate.toFixed(2)} min/min (${best.count} worker${best.count === 1 ? '' : 's'}), ${(best.rate / cores).toFixed(2)} min/min per core`);
console.log(`ceilings for ${episodeMinutes.toFixed(2)}-min episodes: publishing lock ${publishCeiling.toFixed(0)} min/min, Redis ${redisCeiling.toFixed(0)} min/min`);
console.log(`prediction: N such machines make about N × ${best.rate.toFixed(2)} min/min up to about ${machines} machines (${Math.min(publishCeiling, redisCeiling).toFixed(0)} min/min), past which the ${publishCeiling < redisCeiling ? 'publishing lock' : 'Redis server'} is the limit`);
