import type { InputFormat } from './ingest-options.js';

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

const SNIFF_CHARS = 16 * 1024;

/**
 * Decides how to read an input: by the file extension (`.txt`, `.md`,
 * `.markdown`, `.html`, `.htm`), else by sniffing the start of the content.
 *
 * @param source - file path, URL or `-`
 * @param content - the decoded text
 */
export function detectFormat(source: string, content: string): InputFormat {
  const byExtension = formatFromExtension(source);
  if (byExtension !== undefined) return byExtension;
  const sample = content.slice(0, SNIFF_CHARS);
  if (looksLikeHtml(sample)) return 'html';
  if (looksLikeMarkdown(sample)) return 'markdown';
  return 'text';
}

function formatFromExtension(source: string): InputFormat | undefined {
  const path = source.replace(/[?#].*$/s, '');
  const match = /\.([A-Za-z]+)$/.exec(path);
  if (!match) return undefined;
  return EXTENSION_FORMATS[match[1]!.toLowerCase()];
}

function looksLikeHtml(sample: string): boolean {
  const start = sample.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return true;
  if (start.startsWith('<?xml') && start.includes('<html')) return true;
  if (/<(?:head|body)[\s>]/i.test(sample)) return true;
  const closingTags = sample.match(/<\/(?:p|div|article|section|h[1-6]|ul|ol|li|blockquote|main)>/gi);
  return (closingTags?.length ?? 0) >= 2;
}

function looksLikeMarkdown(sample: string): boolean {
  const signals = [
    /^#{1,6}\s+\S/m,
    /^\s{0,3}[-*+]\s+\S/m,
    /^\s{0,3}>\s?\S/m,
    /!?\[[^\]\n]{1,300}\]\([^)\s]{1,300}\)/,
    /^\s{0,3}(?:```|~~~)/m,
    /^\s{0,3}(?:\*\*|__)\S[^\n]{0,300}?\S(?:\*\*|__)/m,
    /^\S[^\n]*\n(?:=+|-+)\s*$/m,
  ];
  return signals.filter((signal) => signal.test(sample)).length >= 1;
}
