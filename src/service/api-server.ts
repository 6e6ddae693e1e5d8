import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BriefingError, isBriefingError } from '../errors.js';
import { resolveRequestPath } from '../serve/resolve-request-path.js';
import { sendFile } from '../serve/serve-folder.js';
import { createApiMetrics } from './api-metrics.js';
import type { ApiKeys } from './api-keys.js';
import { parseEpisodeRequest, type EpisodeJobData } from './episode-request.js';
import { openApiDocument } from './openapi-document.js';
import { CANCEL_CHANNEL, QUEUE_NAMES } from './queue-names.js';
import { redisRateLimiter } from './rate-limit.js';
import { readJsonBody } from './read-json-body.js';
import type { RedisConnection } from './redis-connection.js';
import type { EpisodeJobResult } from './episode-job.js';
import { ApiError } from './service-error.js';
import { cancelledKey } from './cancel-key.js';
import { publicNames, readS3Manifest, sendS3File } from './s3-episode-files.js';
import { S3Store } from './s3-store.js';
import { checkPublicUrl, type ResolveHost } from './public-address.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSecretFor } from './webhook-delivery.js';
import type { S3Location } from './shared-store.js';

/** Options of {@link startApiServer}. */
export interface ApiServerOptions {
  connection: RedisConnection;
  /** The shared output folder the workers publish into. */
  outputDirectory: string;
  /** Set when the workers publish into an S3 store instead: episodes are read from the bucket. */
  s3?: S3Location;
  keys: ApiKeys;
  /** Port on `host`; 0 picks a free one. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (put a proxy in front). */
  host?: string;
  /** Largest request body, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Requests per key per window. Default 120. */
  rateLimit?: number;
  /** The rate window, ms. Default one minute. */
  rateWindowMs?: number;
  /** Attempts of a build before it fails. Default 3. */
  attempts?: number;
  /**
   * The server's webhook secret (`BRIEFING_WEBHOOK_SECRET`, the workers'
   * too). Without one, a post asking for a webhook is refused
   * (`WEBHOOKS_DISABLED`); with one, each key reads its own signing secret
   * at `GET /v1/webhook-secret`.
   */
  webhookSecret?: string;
  /** Accept urls, feeds and webhooks on private, loopback and link-local addresses (tests, trusted set-ups). Default false. */
  allowPrivateUrls?: boolean;
  /** Resolves host names for the address check. Default: the system resolver. */
  resolveHost?: ResolveHost;
}

/** A running API server. */
export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** The job record a build carries besides the request: who posted it and what, for idempotency. */
interface StoredJobData extends EpisodeJobData {
  owner: string;
  requestHash: string;
}

const STATES: Record<string, string> = { 'waiting-children': 'waiting', prioritized: 'waiting', 'wait': 'waiting' };

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(text);
}

function presentedKey(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    return match ? match[1]!.trim() : '';
  }
  const header = request.headers['x-api-key'];
  return Array.isArray(header) ? header[0] : header;
}

async function jobView(read: Job<StoredJobData, EpisodeJobResult>, queue: Queue<StoredJobData, EpisodeJobResult>): Promise<Record<string, unknown>> {
  let job = read;
  const raw = await job.getState();
  // The job finished between reading it and reading its state: read it again, so a finished job always shows its outcome.
  if ((raw === 'completed' || raw === 'failed') && !job.finishedOn) job = (await queue.getJob(job.id!)) ?? job;
  const failed = raw === 'failed';
  const message = job.failedReason ?? '';
  const match = /^([A-Z_]+): (.*)$/s.exec(message);
  const cancelled = failed && match?.[1] === 'ABORTED';
  return {
    id: job.id,
    state: cancelled ? 'cancelled' : (STATES[raw] ?? raw),
    progress: job.progress,
    attempts: job.attemptsMade,
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
    ...(failed ? { error: { code: match?.[1] ?? 'BUILD_FAILED', message: match?.[2] ?? message } } : {}),
    ...(raw === 'completed' && job.returnvalue ? { episode: job.returnvalue.episode } : {}),
    links: { job: `/v1/jobs/${job.id}`, episode: `/v1/episodes/${job.id}` },
  };
}

/**
 * Starts the HTTP API in front of the build queue (see the OpenAPI document
 * at `/v1/openapi.json`). Every `/v1` request but the document needs a key
 * (`Authorization: Bearer KEY` or `X-Api-Key`); each key has a rate limit
 * counted in Redis; a caller sees only its own jobs. Every refusal is JSON:
 * `{ "error": { "code", "message" } }`.
 */
export async function startApiServer(options: ApiServerOptions): Promise<RunningApi> {
  const redis = new Redis(options.connection);
  const queue = new Queue<StoredJobData, EpisodeJobResult>(QUEUE_NAMES.builds, { connection: options.connection });
  const events = new QueueEvents(QUEUE_NAMES.builds, { connection: options.connection });
  const metrics = createApiMetrics(queue as unknown as Queue);
  events.on('completed', ({ returnvalue }) => {
    try {
      metrics.recordCompleted(typeof returnvalue === 'string' ? JSON.parse(returnvalue) : (returnvalue as object));
    } catch {
      // A result that does not parse has no figures to count.
    }
  });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limited = redisRateLimiter(redis, options.rateLimit ?? 120, options.rateWindowMs ?? 60_000);
  const attempts = options.attempts ?? 3;
  // The workers may not have made the shared folder yet; files are served by their real paths inside it.
  await mkdir(options.outputDirectory, { recursive: true });
  const outputRoot = await realpath(options.outputDirectory);
  const s3 = options.s3 ? await S3Store.open(options.s3) : undefined;

  const ownJob = async (owner: string, id: string): Promise<Job<StoredJobData, EpisodeJobResult>> => {
    const job = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await queue.getJob(id) : undefined;
    if (!job || job.data.owner !== owner) throw new ApiError(404, 'JOB_NOT_FOUND', `no job ${id}`);
    return job;
  };

  /** Refuses a url, feed or webhook that leads off the public internet (the workers check again, on every connection). */
  const checkAddresses = async (data: EpisodeJobData) => {
    if (data.webhook && !options.webhookSecret) throw new ApiError(422, 'WEBHOOKS_DISABLED', 'webhook: this server signs no webhooks (its operator sets BRIEFING_WEBHOOK_SECRET to allow them)');
    if (options.allowPrivateUrls) return;
    const addresses = [...(data.input.kind === 'url' || data.input.kind === 'feed' ? [[data.input.kind, data.input.value]] : []), ...(data.webhook ? [['webhook', data.webhook]] : [])];
    for (const [field, address] of addresses) {
      try {
        await checkPublicUrl(address!, options.resolveHost);
      } catch (error) {
        if (isBriefingError(error, 'URL_NOT_ALLOWED')) throw new ApiError(422, 'URL_NOT_ALLOWED', `${field}: ${error.message}`);
        throw error;
      }
    }
  };

  const postEpisode = async (request: IncomingMessage, response: ServerResponse, owner: string) => {
    const body = await readJsonBody(request, maxBodyBytes);
    const data = parseEpisodeRequest(body);
    await checkAddresses(data);
    const requestHash = createHash('sha256').update(JSON.stringify({ ...data, submittedAt: undefined })).digest('hex');
    const idempotency = request.headers['idempotency-key'];
    const key = Array.isArray(idempotency) ? idempotency[0] : idempotency;
    if (key !== undefined && (key.length === 0 || key.length > 200)) throw new ApiError(400, 'INVALID_REQUEST', 'Idempotency-Key: expected 1 to 200 characters');
    const id = key !== undefined ? `k${createHash('sha256').update(`${owner}\0${key}`).digest('hex').slice(0, 40)}` : randomUUID();
    if (key !== undefined) {
      const existing = await queue.getJob(id);
      if (existing) {
        if (existing.data.requestHash !== requestHash) throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key: already used with another request');
        sendJson(response, 202, await jobView(existing, queue), { Location: `/v1/jobs/${id}` });
        return;
      }
    }
    const job = await queue.add('build', { ...data, owner, requestHash }, {
      jobId: id,
      attempts,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    const stored = (await queue.getJob(id)) ?? job;
    if (stored.data.requestHash !== requestHash) throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key: already used with another request');
    sendJson(response, 202, await jobView(stored, queue), { Location: `/v1/jobs/${id}` });
  };

  const cancelJob = async (response: ServerResponse, job: Job<StoredJobData, EpisodeJobResult>) => {
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') throw new ApiError(409, 'JOB_FINISHED', `job ${job.id} has already ${state === 'completed' ? 'completed' : 'ended'}`);
    await redis.set(cancelledKey(job.id!), '1', 'EX', 7 * 24 * 3600);
    if (state === 'active') await redis.publish(CANCEL_CHANNEL, job.id!);
    else await job.remove().catch(() => redis.publish(CANCEL_CHANNEL, job.id!));
    sendJson(response, 202, { id: job.id, state: 'cancelled' });
  };

  const episode = async (request: IncomingMessage, response: ServerResponse, job: Job<StoredJobData, EpisodeJobResult>, file: string | undefined) => {
    if ((await job.getState()) !== 'completed' || !job.returnvalue) throw new ApiError(409, 'EPISODE_NOT_READY', `job ${job.id} has not completed`);
    const folder = job.returnvalue.episode;
    if (file === undefined) {
      const manifest = s3 ? await readS3Manifest(s3, folder, job.id!) : (JSON.parse(await readFile(join(outputRoot, folder, 'manifest.json'), 'utf8')) as { files?: { name?: string }[]; audio?: string });
      const names = publicNames(manifest);
      sendJson(response, 200, { ...manifest, links: Object.fromEntries([...names].map((name) => [name, `/v1/episodes/${job.id}/${encodeURIComponent(name)}`])) });
      return;
    }
    if (s3) {
      let name: string;
      try {
        name = decodeURIComponent(file);
      } catch {
        throw new ApiError(404, 'NOT_FOUND', `episode ${job.id} has no file ${file}`);
      }
      await sendS3File(request, response, s3, folder, name, job.id!);
      return;
    }
    const resolved = await resolveRequestPath(outputRoot, `/${encodeURIComponent(folder)}/${file}`);
    if (resolved.kind !== 'file') throw new ApiError(404, 'NOT_FOUND', `episode ${job.id} has no file ${decodeURIComponent(file)}`);
    await sendFile(request, response, resolved);
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<string> => {
    const path = (request.url ?? '/').split('?', 1)[0]!;
    const method = request.method ?? 'GET';
    if (path === '/healthz') {
      const ok = await redis.ping().then(() => true, () => false);
      sendJson(response, ok ? 200 : 503, { status: ok ? 'ok' : 'redis unreachable' });
      return 'healthz';
    }
    if (path === '/metrics') {
      const text = await metrics.registry.metrics();
      response.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      response.end(text);
      return 'metrics';
    }
    if (path === '/v1/openapi.json') {
      sendJson(response, 200, openApiDocument());
      return 'openapi';
    }
    if (!path.startsWith('/v1/')) throw new ApiError(404, 'NOT_FOUND', `no such address ${path}`);
    const presented = presentedKey(request);
    if (presented === undefined) throw new ApiError(401, 'KEY_MISSING', 'send an API key (Authorization: Bearer KEY or X-Api-Key)', { 'WWW-Authenticate': 'Bearer' });
    const owner = options.keys.identify(presented);
    if (owner === undefined) throw new ApiError(401, 'KEY_INVALID', 'the API key is not valid', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    const decision = await limited(owner);
    if (!decision.allowed) throw new ApiError(429, 'RATE_LIMITED', `too many requests for this key; retry in ${decision.retryAfterSeconds} s`, { 'Retry-After': String(decision.retryAfterSeconds) });
    const segments = path.split('/').slice(2);
    if (path === '/v1/webhook-secret') {
      if (method !== 'GET') throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}: use GET`, { Allow: 'GET' });
      if (!options.webhookSecret) throw new ApiError(404, 'WEBHOOKS_DISABLED', 'this server signs no webhooks (its operator sets BRIEFING_WEBHOOK_SECRET to allow them)');
      sendJson(response, 200, { secret: webhookSecretFor(options.webhookSecret, owner), algorithm: 'HMAC-SHA256', signatureHeader: SIGNATURE_HEADER, timestampHeader: TIMESTAMP_HEADER, signed: '<timestamp>.<body>' });
      return 'webhook-secret';
    }
    if (segments[0] === 'episodes' && segments.length === 1) {
      if (method !== 'POST') throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}: use POST`, { Allow: 'POST' });
      await postEpisode(request, response, owner);
      return 'post-episode';
    }
    if (segments[0] === 'jobs' && segments.length === 2) {
      const job = await ownJob(owner, segments[1]!);
      if (method === 'GET') sendJson(response, 200, await jobView(job, queue));
      else if (method === 'DELETE') await cancelJob(response, job);
      else throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}: use GET or DELETE`, { Allow: 'GET, DELETE' });
      return 'job';
    }
    if (segments[0] === 'episodes' && (segments.length === 2 || segments.length === 3)) {
      if (method !== 'GET' && method !== 'HEAD') throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}: use GET`, { Allow: 'GET, HEAD' });
      const job = await ownJob(owner, segments[1]!);
      await episode(request, response, job, segments[2]);
      return segments.length === 2 ? 'episode' : 'episode-file';
    }
    throw new ApiError(404, 'NOT_FOUND', `no such address ${path}`);
  };

  const server: Server = createServer((request, response) => {
    route(request, response).then(
      (name) => metrics.requests.inc({ route: name, status: String(response.statusCode) }),
      (error: unknown) => {
        const refusal = error instanceof ApiError ? error : new ApiError(500, 'SERVER_ERROR', 'the server could not answer; try again');
        metrics.requests.inc({ route: 'refused', status: String(refusal.status) });
        if (response.headersSent) {
          response.destroy();
          return;
        }
        // A body refused before it was read is not read at all: the connection closes after the answer.
        const unread = !request.complete;
        sendJson(response, refusal.status, { error: { code: refusal.code, message: refusal.message } }, { ...refusal.headers, ...(unread ? { Connection: 'close' } : {}) });
      },
    );
  });
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new BriefingError('OUTPUT_FAILED', `api: port ${port} on ${host}: ${error.code === 'EADDRINUSE' ? 'in use; choose another port' : error.message}`, { cause: error })));
    server.listen(port, host, () => resolve());
  });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([queue.close(), events.close()]);
      redis.disconnect();
      s3?.close();
    },
  };
}
