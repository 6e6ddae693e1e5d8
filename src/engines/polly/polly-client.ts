import type { PollyClient, PollyClientConfig } from '@aws-sdk/client-polly';
import type { EngineOptions } from '../kit/index.js';
import type { PollyOptions } from './polly-options.js';
import { pollyCredentialsMissing, pollyRegionMissing } from './polly-errors.js';

/** The SDK module, loaded on the first request (see {@link PollyConnection.sdk}). */
export type PollySdk = typeof import('@aws-sdk/client-polly');

/** The SDK client, made on first use, and the secrets it holds. */
export interface PollyConnection {
  /**
   * The SDK and its configured client. The SDK is imported here, on the
   * first request, so that making the engine (to list it, or to plan a dry
   * run) never loads it.
   */
  open(): Promise<{ sdk: PollySdk; client: PollyClient }>;
  /** Releases the client's sockets, when it was ever made. */
  close(): Promise<void>;
  /** Values that must never appear in messages. */
  secrets: (string | undefined)[];
}

/**
 * Reads the Polly connection settings; the SDK client is built on first use. Credentials and region come from the options
 * (`accessKeyId`, `secretAccessKey`, `sessionToken`, `region`), then:
 * - when `options.env` is injected, from its `AWS_ACCESS_KEY_ID`,
 *   `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and `AWS_REGION` /
 *   `AWS_DEFAULT_REGION` only (no profiles, no instance metadata);
 * - otherwise from the AWS SDK's default chain (environment, shared config
 *   and credentials files, SSO, container and instance metadata).
 *
 * Nothing is resolved here: a missing credential or region surfaces on the
 * first request as `ENGINE_CREDENTIALS_MISSING`.
 */
export function createPollyConnection(options: EngineOptions, settings: PollyOptions): PollyConnection {
  const env = options.env;
  const { endpoint, timeoutMs } = settings;
  const accessKeyId = settings.accessKeyId ?? env?.AWS_ACCESS_KEY_ID;
  const secretAccessKey = settings.secretAccessKey ?? env?.AWS_SECRET_ACCESS_KEY;
  const sessionToken = settings.sessionToken ?? env?.AWS_SESSION_TOKEN;
  const region = settings.region ?? env?.AWS_REGION ?? env?.AWS_DEFAULT_REGION;

  async function connect(): Promise<{ sdk: PollySdk; client: PollyClient }> {
    const [sdk, { NodeHttpHandler }] = await Promise.all([import('@aws-sdk/client-polly'), import('@smithy/node-http-handler')]);
    // The SDK prints a seven-line notice about Node 22 when a client is created on
    // Node 20, which briefing supports; it would break the CLI's one-line output.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const config: PollyClientConfig = {
      maxAttempts: 1,
      // HTTP/1.1: SynthesizeSpeech and DescribeVoices need no HTTP/2 (the SDK's
      // default, for the streaming operation), and proxies speak HTTP/1.1.
      requestHandler: new NodeHttpHandler({ requestTimeout: timeoutMs, connectionTimeout: Math.min(timeoutMs, 30_000) }),
      ...(endpoint ? { endpoint } : {}),
    };
    if (region) config.region = region;
    else if (env) config.region = async (): Promise<string> => Promise.reject(pollyRegionMissing());
    if (accessKeyId && secretAccessKey) {
      config.credentials = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    } else if (env || accessKeyId || secretAccessKey) {
      config.credentials = async () => Promise.reject(pollyCredentialsMissing());
    }
    return { sdk, client: new sdk.PollyClient(config) };
  }
  let opened: Promise<{ sdk: PollySdk; client: PollyClient }> | undefined;
  return {
    open: () => (opened ??= connect()),
    close: async () => {
      if (opened) (await opened).client.destroy();
    },
    secrets: [secretAccessKey, sessionToken],
  };
}
