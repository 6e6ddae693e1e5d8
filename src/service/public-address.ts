import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BriefingError } from '../errors.js';

/** Resolves a host name to every address it has (the shape of `dns.promises.lookup` with `all: true`). */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

/** The system resolver: every IPv4 and IPv6 address of a name. */
export const systemResolveHost: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * The kind of an IP address as the IANA special-purpose registries name it
 * (`unicast` for an ordinary public address; `loopback`, `private`,
 * `linkLocal`, `uniqueLocal`, `carrierGradeNat`, `reserved`, ...). An
 * IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4
 * address it carries; `undefined` for a string that is no address.
 */
export function addressKind(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare) || isIP(bare) === 0) return undefined;
  return ipaddr.process(bare).range();
}

/**
 * True for an address on the public internet. Everything else is refused:
 * loopback, private (RFC 1918), link-local (cloud metadata services live at
 * 169.254.169.254), unique-local IPv6, carrier-grade NAT, multicast,
 * unspecified and reserved ranges, and the IPv6 ranges that embed an IPv4
 * address (6to4, Teredo, NAT64), whose IPv4 part could be any of those.
 */
export function isPublicAddress(address: string): boolean {
  return addressKind(address) === 'unicast';
}

/** A connection refused because its host has an address that is not public: the host and that address. */
export class AddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host}: not a public address (${address})`);
    this.name = 'AddressRefused';
  }
}

/**
 * `URL_NOT_ALLOWED`: "<url>: <host> resolves to a loopback address
 * (127.0.0.1); only public addresses may be fetched", saying "redirected to"
 * when the host is not the one of `url`.
 */
export function urlNotAllowedError(url: string, host: string, address: string): BriefingError {
  const kind = addressKind(address) ?? 'unknown';
  let own = true;
  try {
    own = urlHost(new URL(url)) === host;
  } catch {
    // Not a URL: name the host as given.
  }
  const what = `${own ? '' : 'redirected to '}${host}${host === address ? ', which is' : ', which resolves to'}`;
  return new BriefingError('URL_NOT_ALLOWED', `${url}: ${what} a ${describeKind(kind)} address (${address}); only public addresses may be fetched`);
}

function describeKind(kind: string): string {
  const words: Record<string, string> = { linkLocal: 'link-local', uniqueLocal: 'unique-local', carrierGradeNat: 'carrier-grade NAT', ipv4Mapped: 'IPv4-mapped', rfc6052: 'NAT64', rfc6145: 'IPv4-translated', '6to4': '6to4' };
  return words[kind] ?? kind.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

/** The host of a URL without IPv6 brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks that an http(s) address leads to the public internet: its host,
 * an IP address or a name resolved to every one of its addresses, IPv4 and
 * IPv6, must have only public addresses (see {@link isPublicAddress}).
 * A name that does not resolve is left to the fetch to report.
 *
 * @throws BriefingError `URL_NOT_ALLOWED` naming the address and what it is
 */
export async function checkPublicUrl(url: string, resolveHost: ResolveHost = systemResolveHost): Promise<void> {
  const parsed = new URL(url);
  const host = urlHost(parsed);
  if (isIP(host) !== 0) {
    if (!isPublicAddress(host)) throw urlNotAllowedError(url, host, host);
    return;
  }
  let addresses: readonly LookupAddress[];
  try {
    addresses = await resolveHost(host);
  } catch {
    return;
  }
  const refused = addresses.find((entry) => !isPublicAddress(entry.address));
  if (refused) throw urlNotAllowedError(url, host, refused.address);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` that resolves as the system does but fails
 * when any address of the name is not public, so the check and the
 * connection use the same answer (no second lookup that a DNS server could
 * answer differently).
 */
export function publicOnlyLookup(resolveHost: ResolveHost = systemResolveHost, isAllowed: (address: string) => boolean = isPublicAddress) {
  return (hostname: string, options: LookupOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolveHost(hostname).then(
      (addresses) => {
        const family = typeof options === 'object' ? options.family : undefined;
        const wanted = addresses.filter((entry) => family === undefined || family === 0 || entry.family === family);
        const refused = addresses.find((entry) => !isAllowed(entry.address));
        if (refused) {
          callback(new AddressRefused(hostname, refused.address), '');
          return;
        }
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (typeof options === 'object' && options.all) callback(null, [...wanted]);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
