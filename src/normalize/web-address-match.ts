/**
 * Finds web and e-mail addresses in running text. Every pattern has bounded
 * repetition, so trying it at each word start keeps tokenizing linear.
 */

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PATH = "(?:/[^\\s<>\"'`]{0,2000})?";

/** Top-level domains that mark a bare "example.com" as an address; common words ("in", "to", "me", "it") are left out. */
const BARE_DOMAIN_ENDINGS = [
  'com', 'org', 'net', 'gov', 'edu', 'mil', 'int', 'info', 'biz', 'io', 'ai', 'app', 'dev', 'news', 'tv', 'fm',
  'co', 'uk', 'eu', 'us', 'ca', 'au', 'nz', 'ie', 'za', 'de', 'fr', 'es', 'nl', 'be', 'ch', 'at', 'se', 'dk', 'fi',
  'pl', 'cz', 'ru', 'ua', 'jp', 'cn', 'kr', 'hk', 'sg', 'tw', 'br', 'mx', 'ar', 'ly', 'gl', 'ng', 'ke',
];

const EMAIL = new RegExp(`[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@${LABEL}(?:\\.${LABEL}){0,6}\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])`, 'y');
const WITH_SCHEME = /(?:https?|ftp):\/\/[^\s<>"'`]{1,2000}/iy;
const WITH_WWW = new RegExp(`www\\.${LABEL}(?:\\.${LABEL}){1,6}${PATH}`, 'iy');
const BARE_DOMAIN = new RegExp(`(?:${LABEL}\\.){1,6}(?:${BARE_DOMAIN_ENDINGS.join('|')})(?![A-Za-z0-9-])${PATH}`, 'y');

/** Punctuation that ends a sentence or a clause rather than the address. */
const TRAILING = /[.,;:!?'")\]]+$/;

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  return match === null ? undefined : match[0];
}

/** The web or e-mail address starting at `position`, without the punctuation after it, or undefined. */
export function matchWebAddress(text: string, position: number): string | undefined {
  const code = text.charCodeAt(position);
  const alphanumeric = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (!alphanumeric) return undefined;
  const found = matchAt(EMAIL, text, position) ?? matchAt(WITH_SCHEME, text, position) ?? matchAt(WITH_WWW, text, position) ?? matchAt(BARE_DOMAIN, text, position);
  if (found === undefined) return undefined;
  const trimmed = found.replace(TRAILING, '');
  // "U.S." or "e.g." never reach here (a one-letter label before a one-letter ending is not a domain).
  return trimmed.includes('.') || trimmed.includes('@') ? trimmed : undefined;
}
