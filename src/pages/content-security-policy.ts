import { createHash } from 'node:crypto';

/**
 * A Content-Security-Policy for a page that may load nothing but files of
 * its own folder: inline styles, the one inline script whose text is given
 * (allowed by its hash), images and media from the page's origin, and
 * `data:` images (the empty icon that spares a request for `/favicon.ico`).
 */
export function contentSecurityPolicy(script?: string): string {
  const scriptSource = script === undefined ? "'none'" : `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
  return [
    "default-src 'none'",
    `script-src ${scriptSource}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
