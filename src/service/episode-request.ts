import { z } from 'zod';
import { briefingConfigSchema } from '../config/config-schema.js';
import { describeConfigIssues } from '../config/config-issues.js';
import { BUILT_IN_ENGINES } from '../engines/registry.js';
import type { Article, StageWarning } from '../ingest/article.js';
import { ApiError } from './service-error.js';

/** Where the article of a job comes from. */
export type EpisodeInput =
  | { kind: 'text' | 'markdown' | 'html'; value: string }
  | { kind: 'url' | 'feed'; value: string };

/** A build as it travels on the queue: checked by {@link parseEpisodeRequest}, plain JSON. */
export interface EpisodeJobData {
  input: EpisodeInput;
  title?: string;
  description?: string;
  /** Settings in the shape of the configuration file's sections, already validated. */
  options: Record<string, unknown>;
  /** Address told when the job ends. */
  webhook?: string;
  /** When the API accepted it (ISO 8601): the episode's date, the same on every retry. */
  submittedAt: string;
  /**
   * The stories as read by the worker that fanned the build out: its parts
   * and its assembly use them instead of fetching the URL again.
   */
  read?: { articles: Article[]; warnings: StageWarning[] };
}

/**
 * Sections of the configuration file a request may set. The show, the output
 * folder, files on the server (lexicon, music, cover) and prices belong to
 * whoever runs the workers, not to a caller.
 */
export const REQUEST_OPTION_SECTIONS = ['engine', 'voices', 'pauses', 'quotes', 'loudness', 'bitrateKbps', 'templates', 'maxStories', 'maxHeadlines'] as const;

const SERVER_SECTIONS = ['show', 'output', 'lexicon', 'music', 'prices', 'keep', '$schema'] as const;

/** Engines a caller may choose: built-in ones that run no program of the server's. */
export const REQUEST_ENGINES = BUILT_IN_ENGINES.map((engine) => engine.id).filter((id) => id !== 'command');

const INPUT_KINDS = ['text', 'markdown', 'html', 'url', 'feed'] as const;

const webAddress = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  },
  { error: 'expected an http or https address' },
);

const requestSchema = z.strictObject({
  text: z.string().optional(),
  markdown: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  feed: z.string().optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().min(1).max(4000).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  webhook: webAddress.optional(),
});

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Checks the JSON body of `POST /v1/episodes`: exactly one of `text`,
 * `markdown`, `html`, `url` or `feed`; `options` in the shape of the
 * configuration file's sections (see {@link REQUEST_OPTION_SECTIONS}),
 * validated by the same schema.
 *
 * @throws ApiError 400 `UNKNOWN_OPTION`, `OPTION_NOT_ALLOWED`,
 *   `UNSUPPORTED_URL` or `INVALID_REQUEST`, naming the field
 */
export function parseEpisodeRequest(body: unknown, now: Date = new Date()): EpisodeJobData {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'INVALID_REQUEST', 'expected a JSON object');
  }
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') throw new ApiError(400, 'UNKNOWN_OPTION', `${issue.keys[0]}: unknown field`);
    const where = fieldPath(issue.path);
    if (where === 'url' || where === 'feed' || where === 'webhook') throw new ApiError(400, 'UNSUPPORTED_URL', `${where}: expected an http or https address`);
    throw new ApiError(400, 'INVALID_REQUEST', `${where || 'body'}: ${issue.message}`);
  }
  const request = parsed.data;
  const given = INPUT_KINDS.filter((kind) => request[kind] !== undefined);
  if (given.length !== 1) {
    throw new ApiError(400, 'INVALID_REQUEST', `give exactly one of ${INPUT_KINDS.join(', ')}${given.length > 1 ? ` (got ${given.join(', ')})` : ''}`);
  }
  const kind = given[0]!;
  const value = request[kind]!;
  if (value.trim() === '') throw new ApiError(400, 'INVALID_REQUEST', `${kind}: must not be empty`);
  if ((kind === 'url' || kind === 'feed') && !webAddress.safeParse(value).success) {
    throw new ApiError(400, 'UNSUPPORTED_URL', `${kind}: expected an http or https address`);
  }
  const options = request.options ?? {};
  checkOptions(options);
  return {
    input: { kind, value },
    ...(request.title ? { title: request.title } : {}),
    ...(request.description ? { description: request.description } : {}),
    options,
    ...(request.webhook ? { webhook: request.webhook } : {}),
    submittedAt: now.toISOString(),
  };
}

/** The request's options: sections a caller may set, valid by the configuration file's schema. */
function checkOptions(options: Record<string, unknown>): void {
  for (const key of Object.keys(options)) {
    if ((SERVER_SECTIONS as readonly string[]).includes(key)) {
      throw new ApiError(400, 'OPTION_NOT_ALLOWED', `options.${key}: set by the server, not by a request`);
    }
    if (!(REQUEST_OPTION_SECTIONS as readonly string[]).includes(key) && !key.startsWith('$') && key !== '//') {
      throw new ApiError(400, 'UNKNOWN_OPTION', `options.${key}: unknown option`);
    }
  }
  const result = briefingConfigSchema.safeParse(options);
  if (!result.success) {
    const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
    const [line] = describeConfigIssues('options', unknown ? [unknown] : result.error.issues, options);
    throw new ApiError(400, unknown ? 'UNKNOWN_OPTION' : 'INVALID_REQUEST', line ?? 'options: invalid');
  }
  const engine = result.data.engine.id;
  if (!REQUEST_ENGINES.includes(engine)) {
    throw new ApiError(400, 'OPTION_NOT_ALLOWED', `options.engine.id: ${engine} is not available here (use ${REQUEST_ENGINES.join(', ')})`);
  }
  const engineOptions = (options.engine as { options?: Record<string, unknown> } | undefined)?.options ?? {};
  const serverOption = Object.keys(engineOptions).find((name) => SERVER_ENGINE_OPTION.test(name));
  if (serverOption !== undefined) {
    throw new ApiError(400, 'OPTION_NOT_ALLOWED', `options.engine.options.${serverOption}: set by the server, not by a request`);
  }
}

/**
 * Engine options that say where the engine's requests go or with what
 * credentials, or name files and programs: the server's alone. A caller who
 * could set a cloud engine's endpoint would receive the server's
 * credentials with every request, and could aim the workers at their own
 * network.
 */
const SERVER_ENGINE_OPTION = /url|endpoint|host|port|proxy|key|secret|token|password|credential|auth|region|profile|project|account|path|file|command|program|module/i;
