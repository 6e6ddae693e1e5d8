import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { BriefingError } from '../errors.js';
import { parseRange } from './byte-range.js';
import { contentTypeFor } from './content-type.js';
import { resolveRequestPath, type ResolvedPath } from './resolve-request-path.js';

/** Options of {@link serveFolder}. */
export interface ServeOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on: only the loopback address is allowed. */
  host?: '127.0.0.1';
}

/** A running server. */
export interface ServedFolder {
  /** Base address, e.g. `http://127.0.0.1:8000/`. */
  url: string;
  /** Stops accepting requests, ends open connections and resolves when the server is closed. */
  close(): Promise<void>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  416: 'Range not satisfiable',
  500: 'Server error',
  503: 'Service unavailable',
};

function sendStatus(request: IncomingMessage, response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  const body = `${STATUS_TEXT[status] ?? String(status)}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function entityTag(file: { size: number; modified: Date }): string {
  return `"${file.size.toString(16)}-${Math.floor(file.modified.getTime()).toString(16)}"`;
}

/** True when an `If-Range` validator still names the current file. */
function ifRangeMatches(header: string | undefined, tag: string, modified: Date): boolean {
  if (header === undefined) return true;
  if (header.startsWith('W/')) return false;
  if (header.startsWith('"')) return header === tag;
  return Date.parse(header) === Math.floor(modified.getTime() / 1000) * 1000;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Sends a resolved file with validators and byte ranges (`206`, `416`), as the folder server does. */
export async function sendFile(request: IncomingMessage, response: ServerResponse, file: Extract<ResolvedPath, { kind: 'file' }>): Promise<void> {
  const tag = entityTag(file);
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file.path),
    'Accept-Ranges': 'bytes',
    'Last-Modified': file.modified.toUTCString(),
    ETag: tag,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const noneMatch = headerValue(request.headers['if-none-match']);
  if (noneMatch !== undefined && noneMatch.split(',').some((candidate) => candidate.trim() === tag || candidate.trim() === '*')) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const range = ifRangeMatches(headerValue(request.headers['if-range']), tag, file.modified) ? parseRange(request.headers.range, file.size) : { kind: 'whole' as const };
  if (range.kind === 'unsatisfiable') {
    sendStatus(request, response, 416, { 'Content-Range': `bytes */${file.size}`, 'Accept-Ranges': 'bytes' });
    return;
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : file.size - 1;
  const length = Math.max(0, end - start + 1);
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  headers['Content-Length'] = String(length);
  const status = range.kind === 'partial' ? 206 : 200;
  if (request.method === 'HEAD' || length === 0) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  // Opened before the status is sent, so a file that cannot be opened (no descriptor left, say) gets an error status, not a cut body.
  const stream = createReadStream(file.path, { start, end });
  try {
    await once(stream, 'open');
  } catch (error) {
    stream.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    sendStatus(request, response, code === 'EMFILE' || code === 'ENFILE' ? 503 : code === 'ENOENT' ? 404 : 500, code === 'EMFILE' || code === 'ENFILE' ? { 'Retry-After': '1' } : {});
    return;
  }
  response.writeHead(status, headers);
  // pipeline destroys the file stream, and closes its descriptor, when the client goes away mid-body (a seek, a closed tab).
  await pipeline(stream, response).catch(() => {
    response.destroy();
  });
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendStatus(request, response, 405, { Allow: 'GET, HEAD' });
    return;
  }
  const resolved = await resolveRequestPath(root, request.url ?? '/');
  switch (resolved.kind) {
    case 'file':
      await sendFile(request, response, resolved);
      return;
    case 'redirect':
      response.writeHead(301, { Location: resolved.location, 'Content-Length': '0' });
      response.end();
      return;
    case 'forbidden':
      sendStatus(request, response, 403);
      return;
    case 'bad-request':
      sendStatus(request, response, 400);
      return;
    default:
      sendStatus(request, response, 404);
  }
}

/**
 * Serves `folder` over HTTP on 127.0.0.1 only, for previewing episodes, the
 * show page and the feed: GET and HEAD, content types for audio, captions,
 * transcripts, JSON, HTML, the RSS feed and images, byte ranges (`206` with
 * `Content-Range`, `416` when unsatisfiable), `index.html` for folders,
 * validators (`ETag`, `Last-Modified`). Nothing outside the folder is ever
 * served: `..` (plain or percent-encoded) and links pointing out are
 * forbidden, hidden files are not found.
 * Errors: `INPUT_NOT_FOUND` when the folder does not exist, `OUTPUT_FAILED`
 * when the port cannot be used.
 */
export async function serveFolder(folder: string, options: ServeOptions = {}): Promise<ServedFolder> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new BriefingError('USAGE', `serve: only 127.0.0.1 is allowed as host, not ${String(host)}`);
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new BriefingError('INPUT_NOT_FOUND', `${folder}: no such folder to serve`, { cause: error });
  }
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => {
      if (!response.headersSent) sendStatus(request, response, 500);
      else response.destroy();
    });
  });
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is in use; choose another port' : error.code === 'EACCES' ? 'needs privileges; choose a port above 1023' : error.message;
      reject(new BriefingError('OUTPUT_FAILED', `serve: port ${port} on ${host} ${reason}`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
