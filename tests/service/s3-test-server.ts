import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small S3-compatible server for tests, on 127.0.0.1: one bucket held in
 * memory, path-style addressing, and the REST subset the service uses as
 * AWS documents it — PutObject (with `If-Match` / `If-None-Match: *`),
 * GetObject (with `Range`), HeadObject, DeleteObject, ListObjectsV2 — with
 * S3's XML error bodies. It checks what it is sent: every request must be
 * signed with AWS Signature Version 4 by the expected access key for the
 * expected region and service, and the signature must verify; the
 * `x-amz-content-sha256` header must be present and, when it is a hash,
 * match the body.
 */
export interface TestS3 {
  /** The endpoint, e.g. http://127.0.0.1:PORT. */
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The objects by key. */
  objects: Map<string, StoredTestObject>;
  /** Every request served: method, operation and key. */
  log: { method: string; operation: string; key: string; status: number }[];
  /** Requests refused by the checks (signature, scope, payload hash, addressing), with why. */
  refused: string[];
  stop(): Promise<void>;
}

/** An object the test server holds. */
export interface StoredTestObject {
  body: Buffer;
  etag: string;
  contentType: string;
  modified: Date;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sendError(response: ServerResponse, status: number, code: string, message: string, resource: string, head: boolean): void {
  const body = `${XML_HEADER}<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>${randomUUID()}</RequestId></Error>`;
  // HEAD answers carry no body (S3 sends the status only).
  response.writeHead(status, { 'Content-Type': 'application/xml', ...(head ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) });
  response.end(head ? undefined : body);
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

/** Verifies a request's SigV4 `Authorization` header; the problem when it does not verify. */
function checkSignature(request: IncomingMessage, body: Buffer, expected: { accessKeyId: string; secretAccessKey: string; region: string }): string | undefined {
  const authorization = request.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return `no SigV4 Authorization header (got ${JSON.stringify(authorization.slice(0, 40))})`;
  const [, keyId, day, region, service, signedHeaders, signature] = match as unknown as string[];
  if (keyId !== expected.accessKeyId) return `access key ${keyId} is not the expected one`;
  if (region !== expected.region) return `scope region ${region} is not ${expected.region}`;
  if (service !== 's3') return `scope service ${service} is not s3`;
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day!)) return 'x-amz-date does not match the credential scope';
  const payloadHash = request.headers['x-amz-content-sha256'];
  if (typeof payloadHash !== 'string' || payloadHash === '') return 'x-amz-content-sha256 is missing';
  if (/^[0-9a-f]{64}$/.test(payloadHash) && createHash('sha256').update(body).digest('hex') !== payloadHash) return 'x-amz-content-sha256 does not match the body';
  const names = signedHeaders!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-content-sha256') || !names.includes('x-amz-date')) return `signed headers ${signedHeaders} leave out host, x-amz-date or x-amz-content-sha256`;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const query = [...url.searchParams.entries()]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = names.map((name) => {
    const value = request.headers[name];
    return `${name}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonical = [request.method, (request.url ?? '/').split('?')[0], query, headers.join(''), signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${expected.secretAccessKey}`, day!), region!), service!), 'aws4_request');
  if (hmac(key, toSign).toString('hex') !== signature) return 'the signature does not verify';
  return undefined;
}

/** The byte range of a `Range` header over `size` bytes: `[start, end]`, 'whole', or 'unsatisfiable'. */
function byteRange(header: string | undefined, size: number): [number, number] | 'whole' | 'unsatisfiable' {
  if (header === undefined) return 'whole';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'whole';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}

function listXml(objects: Map<string, StoredTestObject>, bucket: string, params: URLSearchParams): string {
  const prefix = params.get('prefix') ?? '';
  const delimiter = params.get('delimiter') ?? '';
  const maxKeys = Math.min(1000, Number(params.get('max-keys') ?? 1000));
  const after = params.get('continuation-token') ?? params.get('start-after') ?? '';
  const urlEncoded = params.get('encoding-type') === 'url';
  const encode = (text: string) => xmlEscape(urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text);
  const keys = [...objects.keys()].filter((key) => key.startsWith(prefix) && key > after).sort();
  const contents: string[] = [];
  const prefixes = new Set<string>();
  let last = '';
  let truncated = false;
  for (const key of keys) {
    if (contents.length + prefixes.size >= maxKeys) {
      truncated = true;
      break;
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter.length);
      if (!prefixes.has(common)) prefixes.add(common);
      last = key;
      continue;
    }
    const object = objects.get(key)!;
    contents.push(`<Contents><Key>${encode(key)}</Key><LastModified>${object.modified.toISOString()}</LastModified><ETag>${xmlEscape(object.etag)}</ETag><Size>${object.body.byteLength}</Size><StorageClass>STANDARD</StorageClass></Contents>`);
    last = key;
  }
  // A common prefix is listed once: the next page starts after every key under it.
  if (truncated && delimiter) {
    const cut = last.indexOf(delimiter, prefix.length);
    if (cut >= 0) last = `${last.slice(0, cut + delimiter.length)}\u{10FFFF}`;
  }
  return (
    `${XML_HEADER}<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${encode(prefix)}</Prefix>` +
    `<KeyCount>${contents.length + prefixes.size}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>${delimiter ? `<Delimiter>${encode(delimiter)}</Delimiter>` : ''}<IsTruncated>${truncated}</IsTruncated>` +
    (urlEncoded ? '<EncodingType>url</EncodingType>' : '') +
    contents.join('') +
    [...prefixes].map((common) => `<CommonPrefixes><Prefix>${encode(common)}</Prefix></CommonPrefixes>`).join('') +
    (truncated ? `<NextContinuationToken>${xmlEscape(last)}</NextContinuationToken>` : '') +
    '</ListBucketResult>'
  );
}

/** Starts the test server on a free loopback port. */
export async function startTestS3(options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<TestS3> {
  const bucket = options.bucket ?? 'briefing-test';
  const expected = {
    region: options.region ?? 'eu-test-1',
    accessKeyId: options.accessKeyId ?? 'AKIATESTBRIEFING0001',
    secretAccessKey: options.secretAccessKey ?? 'test-secret-key-for-the-loopback-store',
  };
  const objects = new Map<string, StoredTestObject>();
  const log: TestS3['log'] = [];
  const refused: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<{ operation: string; key: string }> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const head = request.method === 'HEAD';
    const url = new URL(request.url ?? '/', 'http://localhost');
    const host = String(request.headers.host ?? '');
    const [, first = '', ...rest] = url.pathname.split('/');
    const key = rest.map((part) => decodeURIComponent(part)).join('/');
    const problem = checkSignature(request, body, expected);
    if (problem) {
      refused.push(`${request.method} ${url.pathname}: ${problem}`);
      sendError(response, 403, 'SignatureDoesNotMatch', problem, url.pathname, head);
      return { operation: 'refused', key };
    }
    if (host.startsWith(`${bucket}.`) || decodeURIComponent(first) !== bucket) {
      refused.push(`${request.method} ${url.pathname}: not a path-style request for bucket ${bucket} (host ${host})`);
      sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist', url.pathname, head);
      return { operation: 'refused', key };
    }
    if (rest.length === 0 || key === '') {
      if (request.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const xml = listXml(objects, bucket, url.searchParams);
        response.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(xml)) });
        response.end(xml);
        return { operation: 'ListObjectsV2', key: url.searchParams.get('prefix') ?? '' };
      }
      sendError(response, 501, 'NotImplemented', 'This bucket operation is not implemented by the test server', url.pathname, head);
      return { operation: 'unsupported', key };
    }
    const resource = `/${bucket}/${key}`;
    const existing = objects.get(key);
    switch (request.method) {
      case 'PUT': {
        if (request.headers['x-amz-copy-source'] || url.searchParams.has('uploadId') || url.searchParams.has('partNumber')) {
          sendError(response, 501, 'NotImplemented', 'Copies and multipart uploads are not implemented by the test server', resource, false);
          return { operation: 'unsupported', key };
        }
        const ifMatch = request.headers['if-match'];
        const ifNoneMatch = request.headers['if-none-match'];
        if (ifNoneMatch !== undefined && (ifNoneMatch !== '*' || existing)) {
          sendError(response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', resource, false);
          return { operation: 'PutObject', key };
        }
        if (ifMatch !== undefined) {
          if (!existing) {
            sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', resource, false);
            return { operation: 'PutObject', key };
          }
          if (ifMatch !== existing.etag) {
            sendError(response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', resource, false);
            return { operation: 'PutObject', key };
          }
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        objects.set(key, { body, etag, contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'), modified: new Date() });
        response.writeHead(200, { ETag: etag, 'Content-Length': '0' });
        response.end();
        return { operation: 'PutObject', key };
      }
      case 'GET':
      case 'HEAD': {
        const operation = head ? 'HeadObject' : 'GetObject';
        if (!existing) {
          sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', resource, head);
          return { operation, key };
        }
        const headers: Record<string, string> = {
          ETag: existing.etag,
          'Last-Modified': existing.modified.toUTCString(),
          'Content-Type': existing.contentType,
          'Accept-Ranges': 'bytes',
        };
        const range = byteRange(typeof request.headers.range === 'string' ? request.headers.range : undefined, existing.body.byteLength);
        if (range === 'unsatisfiable') {
          sendError(response, 416, 'InvalidRange', 'The requested range is not satisfiable', resource, head);
          return { operation, key };
        }
        const [start, end] = range === 'whole' ? [0, existing.body.byteLength - 1] : range;
        const part = existing.body.subarray(start, end + 1);
        if (range !== 'whole') headers['Content-Range'] = `bytes ${start}-${end}/${existing.body.byteLength}`;
        headers['Content-Length'] = String(part.byteLength);
        response.writeHead(range === 'whole' ? 200 : 206, headers);
        response.end(head ? undefined : part);
        return { operation, key };
      }
      case 'DELETE':
        objects.delete(key);
        response.writeHead(204);
        response.end();
        return { operation: 'DeleteObject', key };
      default:
        sendError(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', resource, head);
        return { operation: 'unsupported', key };
    }
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).then(
      ({ operation, key }) => log.push({ method: request.method ?? '', operation, key, status: response.statusCode }),
      (error: unknown) => {
        refused.push(`${request.method} ${request.url}: ${String(error)}`);
        if (!response.headersSent) sendError(response, 500, 'InternalError', 'We encountered an internal error. Please try again.', request.url ?? '/', request.method === 'HEAD');
        else response.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    region: expected.region,
    accessKeyId: expected.accessKeyId,
    secretAccessKey: expected.secretAccessKey,
    objects,
    log,
    refused,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
