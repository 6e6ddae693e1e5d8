import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BriefingError } from '../../errors.js';
import { credentialsMissingError } from '../kit/engine-errors.js';
import { parseJsonBody, sendVendorRequest } from '../kit/vendor-request.js';
import { readOAuthError } from './google-errors.js';

const ENGINE = 'google';
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const TOKEN_LIFETIME_SECONDS = 3600;
/** Renew a cached token this long before it expires. */
const EXPIRY_MARGIN_MS = 60_000;

/** How the Google engine authenticates its requests. */
export interface GoogleAuth {
  /** `api-key` or `service-account`: which credential is in use (never the credential itself). */
  readonly kind: 'api-key' | 'service-account';
  /** Headers that authenticate one request. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** Values that must never appear in messages. */
  secrets(): (string | undefined)[];
}

/** Where the Google engine looks for credentials. */
export interface GoogleCredentialSources {
  /** `--engine-option apiKey`. */
  apiKey?: string;
  /** `--engine-option keyFile`: path of a service-account key file. */
  keyFile?: string;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Clock in milliseconds (injected for tests). */
  now?: () => number;
}

/**
 * Picks the credential: the `apiKey` option, the `keyFile` option,
 * `GOOGLE_APPLICATION_CREDENTIALS` (a service-account key file), then
 * `GOOGLE_API_KEY`. Throws `ENGINE_CREDENTIALS_MISSING` when there is none and
 * when the key file cannot be read.
 */
export function resolveGoogleAuth(sources: GoogleCredentialSources): GoogleAuth {
  if (sources.apiKey) return apiKeyAuth(sources.apiKey);
  const keyFile = sources.keyFile ?? sources.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile) return serviceAccountAuth(readServiceAccountKey(keyFile), sources);
  const envKey = sources.env.GOOGLE_API_KEY;
  if (envKey) return apiKeyAuth(envKey);
  throw credentialsMissingError(
    ENGINE,
    'credentials',
    'apiKey',
    'GOOGLE_APPLICATION_CREDENTIALS (service-account key file) or GOOGLE_API_KEY',
  );
}

function apiKeyAuth(key: string): GoogleAuth {
  return {
    kind: 'api-key',
    headers: async () => ({ 'X-Goog-Api-Key': key }),
    secrets: () => [key],
  };
}

/** The fields of a service-account key file the JWT flow needs. */
interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  tokenUri: string;
}

function readServiceAccountKey(path: string): ServiceAccountKey {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new BriefingError(
      'ENGINE_CREDENTIALS_MISSING',
      `google: cannot read the service-account key file ${path}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  const { client_email: clientEmail, private_key: privateKey, private_key_id: privateKeyId, token_uri: tokenUri } = parsed;
  if (typeof clientEmail !== 'string' || typeof privateKey !== 'string') {
    throw new BriefingError(
      'ENGINE_CREDENTIALS_MISSING',
      `google: ${path} is not a service-account key file (no client_email or private_key)`,
    );
  }
  return {
    clientEmail,
    privateKey,
    ...(typeof privateKeyId === 'string' ? { privateKeyId } : {}),
    tokenUri: typeof tokenUri === 'string' ? tokenUri : DEFAULT_TOKEN_URI,
  };
}

function serviceAccountAuth(key: ServiceAccountKey, sources: GoogleCredentialSources): GoogleAuth {
  const now = sources.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<{ token: string; expiresAt: number }> | undefined;
  let lastAssertion: string | undefined;

  async function exchange(signal?: AbortSignal): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(now() / 1000);
    const assertion = signJwt(key, issuedAt);
    lastAssertion = assertion;
    const response = await sendVendorRequest({
      engine: ENGINE,
      fetch: sources.fetch,
      url: key.tokenUri,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
      ...(signal ? { signal } : {}),
      timeoutMs: sources.timeoutMs,
      readError: readOAuthError,
      secrets: [assertion, cached?.token],
    });
    const body = parseJsonBody(ENGINE, response.body) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') {
      throw new BriefingError('ENGINE_REQUEST_FAILED', 'google: token exchange failed: the answer has no access_token');
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : TOKEN_LIFETIME_SECONDS;
    return { token: body.access_token, expiresAt: now() + lifetime * 1000 };
  }

  return {
    kind: 'service-account',
    async headers(signal) {
      if (!cached || cached.expiresAt - EXPIRY_MARGIN_MS <= now()) {
        pending ??= exchange(signal).finally(() => {
          pending = undefined;
        });
        cached = await pending;
      }
      return { Authorization: `Bearer ${cached.token}` };
    },
    secrets: () => [cached?.token, lastAssertion, key.privateKey],
  };
}

/** Signs the RS256 JWT that Google's token endpoint exchanges for an access token. */
function signJwt(key: ServiceAccountKey, issuedAt: number): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
  const claims = {
    iss: key.clientEmail,
    scope: SCOPE,
    aud: key.tokenUri,
    iat: issuedAt,
    exp: issuedAt + TOKEN_LIFETIME_SECONDS,
  };
  const unsigned = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  let signature: string;
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey, 'base64url');
  } catch (error) {
    throw new BriefingError('ENGINE_CREDENTIALS_MISSING', 'google: the service-account private_key cannot sign', {
      cause: error,
    });
  }
  return `${unsigned}.${signature}`;
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
