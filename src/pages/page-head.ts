import { escapeHtml } from '../platform/markup-escape.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { PAGE_STYLESHEET } from './page-style.js';

/**
 * The start of every page up to `<body>`: language, viewport, light and dark
 * colour schemes, a Content-Security-Policy that allows only the page's own
 * inline script (when it has one), no referrer, no favicon request, the
 * title, an optional feed link and the shared stylesheet. `title` and
 * `feedLink` arrive as escaped HTML.
 */
export function pageHead(options: { language: string; title: string; script?: string; feedLink?: string }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${options.script === undefined ? contentSecurityPolicy() : contentSecurityPolicy(options.script)}">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${options.title}</title>
${options.feedLink ? `${options.feedLink}\n` : ''}<style>
${PAGE_STYLESHEET}
</style>
</head>`;
}
