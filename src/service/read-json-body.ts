import type { IncomingMessage } from 'node:http';
import { ApiError } from './service-error.js';

/**
 * Reads a JSON request body of at most `maxBytes`: refused with 413 as soon
 * as the declared or the received length passes the limit, 415 when it is
 * not declared JSON, 400 when it does not parse.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  const tooLarge = () => new ApiError(413, 'BODY_TOO_LARGE', `the body is over the limit of ${maxBytes} bytes`);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    received += (chunk as Buffer).length;
    if (received > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'MALFORMED_JSON', `the body is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}
