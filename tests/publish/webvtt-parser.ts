import { createRequire } from 'node:module';

/** A node of a parsed cue's text. */
export interface VttNode {
  type: 'text' | 'object' | 'timestamp';
  name?: string;
  value?: string;
  children?: VttNode[];
}

/** A cue as the parser returns it (times in seconds). */
export interface ParsedVttCue {
  startTime: number;
  endTime: number;
  text: string;
  tree: { children: VttNode[] };
}

/** What `WebVTTParser.parse` returns. */
export interface ParsedVtt {
  cues: ParsedVttCue[];
  errors: { message: string; line: number; col: number }[];
}

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new (entities?: Record<string, string>) => { parse(input: string, mode?: string): ParsedVtt };
};
// The parser's built-in entity table lacks the `;` forms; its full table decodes as browsers do.
const entities = require('webvtt-parser/html-entities.json') as Record<string, string>;

/** Parses WebVTT with the reference parser of the WebVTT validator. */
export function parseWebVtt(input: string): ParsedVtt {
  return new WebVTTParser(entities).parse(input);
}

/** The plain text of a parsed cue, entities decoded, tags removed. */
export function plainText(nodes: readonly VttNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? (node.value ?? '') : plainText(node.children ?? []))).join('');
}
