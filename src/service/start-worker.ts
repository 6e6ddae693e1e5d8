import { Queue, UnrecoverableError, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdir } from 'node:fs/promises';
import { isBriefingError } from '../errors.js';
import type { BuildProgress } from '../pipeline/build-options.js';
import type { EpisodeJobData } from './episode-request.js';
import { cancelledKey } from './cancel-key.js';
import { CANCEL_CHANNEL, QUEUE_NAMES } from './queue-names.js';
import type { RedisConnection } from './redis-connection.js';
import { runEpisodeJob } from './run-episode-job.js';
import type { EpisodeJobResult, EpisodeWorkspace } from './episode-job.js';
import { deliverWebhook, webhookSecretFor, type WebhookEvent } from './webhook-delivery.js';
import { planSynthesisParts, synthesizePart, type PartResult, type SynthesisPart } from './fan-out-synthesis.js';
import { publicOnlyFetch } from './public-only-fetch.js';
import { loadSeenStories } from './seen-stories.js';

/** A build job as a worker holds it: marked once its synthesis was fanned out. */
type FanOutJobData = EpisodeJobData & { fannedOut?: boolean; owner?: string };

/** A webhook to deliver: where, what, and the API key whose secret signs it. */
interface WebhookJob {
  url: string;
  event: WebhookEvent;
  owner?: string;
}

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  connection: RedisConnection;
  workspace: EpisodeWorkspace;
  /** Builds run at once by this worker. Default 1. */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, ms. A worker that dies
   * (kill -9, a lost machine) stops renewing it; after this long another
   * worker takes the job over. Default 30 s.
   */
  lockDurationMs?: number;
  /**
   * Fan a briefing of more than this many speech requests out: its synthesis
   * becomes child jobs (a BullMQ flow) that any worker takes, each filling the
   * shared cache; the build assembles once they are all done. Off when absent.
   */
  fanOutRequests?: number;
  /**
   * The server's webhook secret (`BRIEFING_WEBHOOK_SECRET`): each API key's
   * webhooks are signed with the secret derived from it for that key
   * ({@link webhookSecretFor}). The API accepts no webhook without one.
   */
  webhookSecret?: string;
  /**
   * Let posted URLs, feeds and webhooks reach private, loopback and
   * link-local addresses. Off by default: a caller of the API must not make
   * the workers fetch from the network they run in. For tests and trusted
   * set-ups only.
   */
  allowPrivateUrls?: boolean;
  /** Lines about jobs (started, done, failed). */
  log?: (line: string) => void;
}

/** A running worker. */
export interface RunningWorker {
  /** Stops taking jobs, lets running ones finish, then disconnects. */
  close(): Promise<void>;
}

/** Errors that a retry cannot mend: the request or the configuration is wrong. */
const PERMANENT_CODES = new Set(['URL_NOT_ALLOWED', 'INPUT_NOT_FOUND', 'INPUT_UNREADABLE', 'INPUT_EMPTY', 'INPUT_NOT_TEXT', 'INPUT_TOO_LARGE', 'NOTHING_NEW', 'USAGE', 'CONFIG_INVALID', 'ENGINE_UNKNOWN', 'ENGINE_INVALID', 'ENGINE_CREDENTIALS_MISSING', 'ENGINE_INPUT_TOO_LONG', 'VOICE_UNKNOWN', 'ABORTED']);

/** The error a job fails with: `CODE: message`, unrecoverable when retrying cannot help. */
function jobError(error: unknown): Error {
  if (isBriefingError(error)) {
    const message = `${error.code}: ${error.message}`;
    return PERMANENT_CODES.has(error.code) ? new UnrecoverableError(message) : new Error(message);
  }
  if (error instanceof UnrecoverableError) return error;
  return new Error(`BUILD_FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}

/**
 * Starts a worker: takes build jobs from the BullMQ queue on Redis, builds
 * and publishes each into the shared folder, reports progress on the job,
 * and queues a signed completion webhook when the job asked for one. A job
 * whose worker dies is taken over by another once its lock expires
 * (BullMQ's stalled-job recovery); a job that fails with an error retrying
 * cannot mend fails at once, others after their attempts, each with its
 * error on the job.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  await mkdir(options.workspace.outputDirectory, { recursive: true });
  const guarded = options.allowPrivateUrls ? undefined : publicOnlyFetch();
  const workspace: EpisodeWorkspace = { ...options.workspace, ...(guarded ? { fetch: guarded.fetch } : {}) };
  const lockDuration = options.lockDurationMs ?? 30_000;
  const webhooks = new Queue(QUEUE_NAMES.webhooks, { connection: options.connection });
  const running = new Map<string, AbortController>();
  const commands = new Redis(options.connection);
  const subscriber = new Redis(options.connection);
  await subscriber.subscribe(CANCEL_CHANNEL);
  subscriber.on('message', (_channel: string, jobId: string) => running.get(jobId)?.abort());

  const notify = async (job: Job<EpisodeJobData & { owner?: string }>, event: Omit<WebhookEvent, 'jobId' | 'at'>) => {
    if (!job.data.webhook || !job.id) return;
    // One webhook per job and outcome, however often the job ran.
    const delivery: WebhookJob = { url: job.data.webhook, event: { ...event, jobId: job.id, at: new Date().toISOString() }, ...(job.data.owner !== undefined ? { owner: job.data.owner } : {}) };
    await webhooks.add('deliver', delivery, {
      jobId: `${job.id}-${event.type}`,
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
    });
  };

  const parts = new Queue(QUEUE_NAMES.synthesis, { connection: options.connection });
  const buildQueue = new Queue<FanOutJobData>(QUEUE_NAMES.builds, { connection: options.connection });
  /**
   * Queues the parts of a long briefing as children of its job. The stories
   * read for the plan are kept once, on the job itself, before any part is
   * queued; each part reads them from there, so a URL is fetched once per
   * build. `wait`: the job must now wait for its children; `data`: the
   * job's data with its stories, for the build that follows.
   */
  const fanOut = async (job: Job<FanOutJobData>, token: string | undefined): Promise<{ wait: boolean; data: FanOutJobData }> => {
    if (!options.fanOutRequests || !token) return { wait: false, data: job.data };
    if (!job.data.fannedOut) {
      const memory = job.data.input.kind === 'feed' && !job.data.read ? await loadSeenStories(workspace) : undefined;
      const plan = await planSynthesisParts(job.data, workspace, options.fanOutRequests, memory);
      const data: FanOutJobData = { ...job.data, read: plan.read };
      if (plan.parts.length < 2) return { wait: false, data };
      await job.updateData(data);
      const { read: _read, ...request } = data;
      for (const [index, part] of plan.parts.entries()) {
        // Queued again after a crash, a part keeps its id and BullMQ adds it once.
        await parts.add('synthesize', { data: request, part }, {
          jobId: `${job.id}-part-${index + 1}`,
          parent: { id: job.id!, queue: job.queueQualifiedName },
          failParentOnFailure: true,
          attempts: job.opts.attempts ?? 3,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 24 * 3600 },
        });
      }
      await job.updateData({ ...data, fannedOut: true });
      log(`job ${job.id}: synthesis fanned out in ${plan.parts.length} parts`);
    }
    return { wait: await job.moveToWaitingChildren(token), data: job.data };
  };

  /** A part's request with the stories its build read, kept on the build job. */
  const partData = async (job: Job<{ data: EpisodeJobData; part: SynthesisPart }>): Promise<EpisodeJobData> => {
    const parentId = job.parent?.id;
    if (job.data.data.read || parentId === undefined) return job.data.data;
    const parent = await buildQueue.getJob(parentId);
    return parent?.data.read ? { ...job.data.data, read: parent.data.read } : job.data.data;
  };

  /** Seconds the finished parts of a fanned-out job spent synthesizing. */
  const partSeconds = async (job: Job<FanOutJobData>): Promise<number> => {
    if (!job.data.fannedOut) return 0;
    const values = Object.values(await job.getChildrenValues<Partial<PartResult>>());
    return values.reduce((sum, value) => sum + (typeof value?.synthesisSeconds === 'number' ? value.synthesisSeconds : 0), 0);
  };

  const builds = new Worker<FanOutJobData, EpisodeJobResult>(
    QUEUE_NAMES.builds,
    async (job, token) => {
      const id = job.id ?? '';
      if (await commands.exists(cancelledKey(id))) throw new UnrecoverableError('ABORTED: cancelled');
      const controller = new AbortController();
      running.set(id, controller);
      let lastReported = 0;
      const onProgress = (progress: BuildProgress) => {
        const now = Date.now();
        if (progress.stage === 'synthesize' && progress.done < progress.total && now - lastReported < 500) return;
        lastReported = now;
        const report = progress.stage === 'synthesize' ? { stage: progress.stage, done: progress.done, total: progress.total } : { stage: progress.stage, message: progress.message };
        void job.updateProgress(report).catch(() => undefined);
      };
      log(`job ${id}: started (attempt ${job.attemptsMade + 1})`);
      try {
        const planned = await fanOut(job, token);
        if (planned.wait) throw new WaitingChildrenError();
        const built = await runEpisodeJob(planned.data, workspace, { signal: controller.signal, onProgress, redis: commands });
        const result = { ...built, synthesisSeconds: built.synthesisSeconds + (await partSeconds(job)) };
        await notify(job, { type: 'episode.completed', episode: result.episode });
        log(`job ${id}: built ${result.episode}`);
        return result;
      } catch (caught) {
        if (caught instanceof WaitingChildrenError) throw caught;
        const cancelled = controller.signal.aborted;
        const error = cancelled ? new UnrecoverableError('ABORTED: cancelled') : jobError(caught);
        const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (final) await notify(job, cancelled ? { type: 'episode.cancelled' } : { type: 'episode.failed', error: error.message }).catch(() => undefined);
        log(`job ${id}: ${error.message}`);
        throw error;
      } finally {
        running.delete(id);
      }
    },
    {
      connection: options.connection,
      concurrency: Math.max(1, options.concurrency ?? 1),
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 2,
    },
  );
  builds.on('error', (error) => log(`worker: ${error.message}`));

  const synthesis = new Worker<{ data: EpisodeJobData; part: SynthesisPart }>(
    QUEUE_NAMES.synthesis,
    async (job) => {
      try {
        const made = await synthesizePart(await partData(job), workspace, job.data.part);
        log(`part ${job.id}: ${made.requests} requests (${made.cacheHits} from the cache)`);
        return made;
      } catch (caught) {
        throw jobError(caught);
      }
    },
    { connection: options.connection, concurrency: Math.max(1, options.concurrency ?? 1), lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)), maxStalledCount: 2 },
  );
  synthesis.on('error', (error) => log(`synthesis: ${error.message}`));

  const secret = options.webhookSecret;
  const deliveries = new Worker<WebhookJob>(
    QUEUE_NAMES.webhooks,
    async (job) => {
      if (!secret) throw new UnrecoverableError('WEBHOOKS_DISABLED: this worker has no webhook secret (set BRIEFING_WEBHOOK_SECRET on the API and on every worker)');
      try {
        await deliverWebhook(job.data.url, job.data.event, webhookSecretFor(secret, job.data.owner), guarded?.fetch);
      } catch (caught) {
        if (isBriefingError(caught, 'URL_NOT_ALLOWED')) throw new UnrecoverableError(`URL_NOT_ALLOWED: ${caught.message}`);
        throw caught;
      }
    },
    { connection: options.connection, concurrency: 4 },
  );
  deliveries.on('error', (error) => log(`webhooks: ${error.message}`));
  await Promise.all([builds.waitUntilReady(), synthesis.waitUntilReady(), deliveries.waitUntilReady()]);

  return {
    close: async () => {
      await Promise.all([builds.close(), synthesis.close(), deliveries.close()]);
      await Promise.all([webhooks.close(), parts.close(), buildQueue.close()]);
      await guarded?.close();
      subscriber.disconnect();
      commands.disconnect();
    },
  };
}
