/**
 * A real HTTP server on 127.0.0.1 (port 0) for the sources tests: routes by
 * path, records every request, and closes its connections on shutdown.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A request the server received. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A running local server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: SeenRequest[];
  /** Adds or replaces the handler of a path. */
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

/** Starts a server; unknown paths answer 404. */
export async function startLocalServer(routes: Record<string, RouteHandler> = {}): Promise<LocalServer> {
  const table = new Map(Object.entries(routes));
  const requests: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: request.headers });
    const handler = table.get(path);
    if (!handler) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
      return;
    }
    void Promise.resolve(handler(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers with a fixed body. */
export function answer(body: string | Uint8Array, contentType: string, status = 200): RouteHandler {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': contentType }).end(body);
  };
}

/** An address on 127.0.0.1 where nothing listens (a server was started there and closed). */
export async function refusedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/story`;
}
