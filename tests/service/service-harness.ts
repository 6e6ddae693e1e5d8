import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { BriefingConfig } from '../../src/config/briefing-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { loadApiKeys } from '../../src/service/api-keys.js';
import { startApiServer, type ApiServerOptions, type RunningApi } from '../../src/service/api-server.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import type { EpisodeWorkspace } from '../../src/service/episode-job.js';
import { sharedStore, type SharedStore } from '../../src/service/shared-store.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../src/service/start-worker.js';
import { startRedis, type TestRedis } from './redis-server.js';

/** What {@link startService} sets up. */
export interface ServiceSetup {
  /** The API key the client sends (named `cms`). */
  key: string;
  /** The show title of the workers' configuration. */
  showTitle: string;
  /** The shared store in the test's folder; default: its `store` subfolder. */
  store?: (folder: string) => SharedStore;
  /** API settings beyond the connection and the key; the output folder defaults to the store's. */
  api?: Partial<Omit<ApiServerOptions, 'connection' | 'keys'>>;
}

/** Settings of one worker: the workspace is the store's unless overridden. */
export type WorkerSetup = Partial<Omit<WorkerOptions, 'connection' | 'workspace'>> & { workspace?: Partial<EpisodeWorkspace> };

/** Calls of the API with one key. */
export interface ApiClient {
  /** POSTs an episode request. */
  post(body: unknown): Promise<{ status: number; json: any }>;
  /** GETs `path` of the API. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Polls job `id` until it is completed, failed or cancelled, and gives its state. */
  finished(id: string): Promise<any>;
}

/** A client of the API at `url` that sends `key`. */
export function apiClient(url: string, key: string): ApiClient {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  return {
    get,
    post: async (body) => {
      const response = await fetch(`${url}/v1/episodes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    },
    finished: async (id) => {
      for (;;) {
        const job = (await (await get(`/v1/jobs/${id}`)).json()) as { state: string };
        if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') return job;
        await sleep(100);
      }
    },
  };
}

/** A Redis server, a shared store, the API in front of them (with a client of it), and the workers started so far. */
export interface RunningService extends ApiClient {
  redis: TestRedis;
  /** A temporary folder of the test's own, removed by {@link RunningService.close}. */
  folder: string;
  store: SharedStore;
  config: BriefingConfig;
  api: RunningApi;
  /** Starts a worker on the queue, one build at a time and one request in flight; it is closed with the service. */
  startWorker(setup?: WorkerSetup): Promise<RunningWorker>;
  /** Closes the API, the workers not yet closed and Redis, and removes the folder. */
  close(): Promise<void>;
}

/** Starts Redis, the store and the API of one service test (the caller checks `REDIS_AVAILABLE`). */
export async function startService(setup: ServiceSetup): Promise<RunningService> {
  const redis = await startRedis();
  const folder = await mkdtemp(join(tmpdir(), 'briefing-service-'));
  const store = (setup.store ?? ((root) => sharedStore(join(root, 'store'))))(folder);
  const config = parseConfig({ show: { title: setup.showTitle, coverImage: false } }, 'test', folder);
  const connection = redisConnection(redis.url);
  const api = await startApiServer({
    connection,
    outputDirectory: store.outputDirectory,
    ...(store.s3 ? { s3: store.s3 } : {}),
    keys: await loadApiKeys({ env: { BRIEFING_API_KEYS: `cms:${setup.key}` } }),
    ...setup.api,
  });
  const workers: (() => Promise<void>)[] = [];
  return {
    redis,
    folder,
    store,
    config,
    api,
    ...apiClient(api.url, setup.key),
    startWorker: async ({ workspace, ...options } = {}) => {
      const worker = await startWorker({ connection, workspace: { ...store, config, show: config.show, jobs: 1, ...workspace }, ...options });
      // Closed once, whether by the test or by close().
      let closing: Promise<void> | undefined;
      const close = () => (closing ??= worker.close());
      workers.push(close);
      return { ...worker, close };
    },
    close: async () => {
      await api.close();
      for (const close of workers) await close();
      await redis.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Polls a job put straight onto the queue until it is completed or failed; gives that state. */
export async function settledState(job: Job): Promise<string> {
  for (;;) {
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') return state;
    await sleep(100);
  }
}
