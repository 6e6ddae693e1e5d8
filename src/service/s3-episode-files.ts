import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from '../serve/content-type.js';
import type { S3Store } from './s3-store.js';
import { ApiError } from './service-error.js';

/** The manifest's name: the object whose presence makes an episode present. */
const MANIFEST = 'manifest.json';

/**
 * The manifest of the episode in `folder` of an S3 store. An episode is
 * present only once its manifest is (workers upload it last).
 *
 * @throws ApiError 404 `EPISODE_NOT_FOUND` when there is none
 */
export async function readS3Manifest(store: S3Store, folder: string, id: string): Promise<Record<string, unknown>> {
  const found = await store.get(`${folder}/${MANIFEST}`);
  if (!found) throw new ApiError(404, 'EPISODE_NOT_FOUND', `episode ${id} is not in the store`);
  return JSON.parse(found.body.toString('utf8')) as Record<string, unknown>;
}

/** The files a manifest makes public: its audio, itself, the page and every listed file. */
export function publicNames(manifest: { files?: unknown; audio?: unknown }): Set<string> {
  const listed = Array.isArray(manifest.files) ? manifest.files.map((entry: { name?: unknown }) => entry?.name) : [];
  return new Set([manifest.audio, MANIFEST, 'index.html', ...listed].filter((name): name is string => typeof name === 'string'));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sends file `name` of the episode in `folder` from an S3 store: only a file
 * its manifest lists (so nothing of an episode whose manifest is not there
 * yet), a single byte range passed on to S3 as a `Range` GET (`206` with
 * `Content-Range`, `416` outside the file).
 */
export async function sendS3File(request: IncomingMessage, response: ServerResponse, store: S3Store, folder: string, name: string, id: string): Promise<void> {
  const manifest = await readS3Manifest(store, folder, id);
  if (!publicNames(manifest).has(name)) throw new ApiError(404, 'NOT_FOUND', `episode ${id} has no file ${name}`);
  const key = `${folder}/${name}`;
  const base: Record<string, string> = { 'Content-Type': contentTypeFor(name), 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (request.method === 'HEAD') {
    const facts = await store.head(key);
    if (!facts) throw new ApiError(404, 'NOT_FOUND', `episode ${id} has no file ${name}`);
    response.writeHead(200, { ...base, 'Content-Length': String(facts.size), ETag: facts.etag, ...(facts.lastModified ? { 'Last-Modified': facts.lastModified.toUTCString() } : {}) });
    response.end();
    return;
  }
  const range = single(request.headers.range);
  // One range of bytes is passed on; anything else (several ranges, other units) is answered with the whole file, as HTTP allows.
  const passed = range !== undefined && /^bytes=(\d+-\d*|-\d+)$/.test(range.trim()) ? range.trim() : undefined;
  const found = await store.stream(key, passed);
  if (found === undefined) throw new ApiError(404, 'NOT_FOUND', `episode ${id} has no file ${name}`);
  if (found === 'unsatisfiable') {
    const facts = await store.head(key);
    response.writeHead(416, { 'Content-Range': `bytes */${facts?.size ?? 0}`, 'Accept-Ranges': 'bytes', 'Content-Length': '0' });
    response.end();
    return;
  }
  response.writeHead(found.contentRange ? 206 : 200, {
    ...base,
    'Content-Length': String(found.contentLength),
    ...(found.contentRange ? { 'Content-Range': found.contentRange } : {}),
    ...(found.etag ? { ETag: found.etag } : {}),
    ...(found.lastModified ? { 'Last-Modified': found.lastModified.toUTCString() } : {}),
  });
  await pipeline(found.body, response).catch(() => response.destroy());
}
