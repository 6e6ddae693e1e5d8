import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { AddressRefused, isPublicAddress, publicOnlyLookup, systemResolveHost, urlNotAllowedError, type ResolveHost } from './public-address.js';

/** A fetch that reaches public addresses only, and the means to close its connections. */
export interface PublicOnlyFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

function refusalIn(error: unknown): AddressRefused | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof AddressRefused) return current;
  }
  return undefined;
}

/**
 * A `fetch` for addresses given by callers of the service (posted URLs and
 * feeds, the pages their items link to, webhooks): every connection it opens,
 * redirects included, goes only to public addresses (see
 * {@link isPublicAddress}). The check runs where the connection is made, on
 * the very addresses it connects to, so a name that resolves to a public
 * address when checked and to a private one when used (DNS rebinding) is
 * refused too.
 *
 * @param options.resolveHost - the resolver (tests); default the system's
 * @param options.isAllowed - the address policy (tests); default {@link isPublicAddress}
 * @returns a fetch that fails with `URL_NOT_ALLOWED` for a refused address
 */
export function publicOnlyFetch(options: { resolveHost?: ResolveHost; isAllowed?: (address: string) => boolean } = {}): PublicOnlyFetch {
  const isAllowed = options.isAllowed ?? isPublicAddress;
  const connector = buildConnector({ lookup: publicOnlyLookup(options.resolveHost ?? systemResolveHost, isAllowed) } as buildConnector.BuildOptions);
  const agent = new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
      // A literal address is connected to without any lookup: check it here.
      if (isIP(host) !== 0 && !isAllowed(host)) {
        callback(new AddressRefused(host, host), null);
        return;
      }
      connector(options, callback);
    },
  });
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    try {
      return (await undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1])) as unknown as Response;
    } catch (error) {
      const refused = refusalIn(error);
      if (!refused) throw error;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      throw urlNotAllowedError(url, refused.host, refused.address);
    }
  };
  return { fetch: guarded as typeof fetch, close: () => agent.close() };
}
