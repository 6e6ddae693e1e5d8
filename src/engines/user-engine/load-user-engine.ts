import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefingError } from '../../errors.js';
import { checkEngineOptions } from '../kit/engine-options.js';
import type { EngineOptions, SpeechEngine } from '../spec/index.js';
import type { z } from 'zod';
import { describeFirstIssue, speechEngineSchema } from './engine-schema.js';

/** True when `specifier` names a file rather than a package. */
function isPathSpecifier(specifier: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/.test(specifier) || /\.(m?js|cjs|ts|mts|cts)$/.test(specifier);
}

/**
 * Loads a user's speech engine: `specifier` is a path (`./my-engine.js`,
 * absolute, or relative to `cwd`) or a package name (resolved from `cwd`'s
 * `node_modules`, then from briefing's own). The module's default export, or
 * a named `createEngine` export, is an `EngineFactory`; it gets `options` and
 * returns (a promise of) a `SpeechEngine`, which is checked at run time. When
 * the module also exports `optionsSchema` (a strict zod schema), the options
 * are checked and converted by it first, with the built-in engines' errors.
 *
 * Errors, each one line: `ENGINE_UNKNOWN` when the module cannot be found;
 * `ENGINE_INVALID` when it fails to load, exports no factory, or returns
 * something that is not a `SpeechEngine` (naming the module and the failing
 * field). A `BriefingError` thrown by the factory itself (say, missing
 * credentials) passes through unchanged.
 *
 * @param specifier - path or package name, as the user wrote it
 * @param options - the engine options the factory receives
 * @param cwd - folder relative paths and packages are resolved from
 */
export async function loadUserEngine(specifier: string, options: EngineOptions, cwd: string = process.cwd()): Promise<SpeechEngine> {
  const loaded = await importEngineModule(specifier, cwd);
  const record = loaded as { default?: unknown; createEngine?: unknown; optionsSchema?: unknown };
  const nested = record.default as { createEngine?: unknown; optionsSchema?: unknown } | undefined;
  const factory =
    typeof record.default === 'function'
      ? record.default
      : typeof record.createEngine === 'function'
        ? record.createEngine
        : typeof nested?.createEngine === 'function'
          ? nested.createEngine
          : undefined;
  if (typeof factory !== 'function') {
    throw new BriefingError(
      'ENGINE_INVALID',
      `engine module "${specifier}" exports no engine factory: its default export (or createEngine) must be a function`,
    );
  }
  const optionsSchema = exportedOptionsSchema(record) ?? exportedOptionsSchema(nested);
  const checked = optionsSchema ? { ...options, options: await checkEngineOptions(specifier, optionsSchema, options.options) } : options;
  let engine: unknown;
  try {
    engine = await (factory as (options: EngineOptions) => unknown)(checked as EngineOptions);
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw new BriefingError('ENGINE_INVALID', `engine module "${specifier}": the factory failed: ${firstLine(error)}`, {
      cause: error,
    });
  }
  const valid = speechEngineSchema.safeParse(engine);
  if (!valid.success) {
    throw new BriefingError(
      'ENGINE_INVALID',
      `engine module "${specifier}" did not return a valid speech engine: ${describeFirstIssue(valid.error)}`,
      { cause: valid.error },
    );
  }
  return withTypedErrors(engine as SpeechEngine);
}

/** The module's `optionsSchema` export (a zod schema of its options), when it has one. */
function exportedOptionsSchema(module: { optionsSchema?: unknown } | undefined): z.ZodType<Record<string, unknown>> | undefined {
  const schema = module?.optionsSchema as { safeParse?: unknown } | undefined;
  return typeof schema?.safeParse === 'function' ? (schema as z.ZodType<Record<string, unknown>>) : undefined;
}

const ERROR_CODES = new Set<string>(['VOICE_UNKNOWN', 'ENGINE_REQUEST_FAILED', 'ENGINE_UNAVAILABLE', 'ENGINE_INPUT_TOO_LONG', 'ABORTED']);

/**
 * A user's engine may throw plain errors; the pipeline deals in
 * `BriefingError`s, so its failures are converted (keeping a known `code`
 * and `retryable` flag when the engine set them).
 */
function withTypedErrors(engine: SpeechEngine): SpeechEngine {
  const synthesize = engine.synthesize.bind(engine);
  engine.synthesize = async (request, signal) => {
    if (signal?.aborted) throw new BriefingError('ABORTED', `${engine.id}: synthesis aborted`);
    try {
      return await synthesize(request, signal);
    } catch (error) {
      if (error instanceof BriefingError) throw error;
      const fields = (error ?? {}) as { code?: unknown; retryable?: unknown };
      const code = typeof fields.code === 'string' && ERROR_CODES.has(fields.code) ? (fields.code as 'ENGINE_REQUEST_FAILED') : 'ENGINE_REQUEST_FAILED';
      throw new BriefingError(code, `${engine.id}: ${firstLine(error)}`, { cause: error, retryable: fields.retryable === true });
    }
  };
  return engine;
}

async function importEngineModule(specifier: string, cwd: string): Promise<unknown> {
  if (isPathSpecifier(specifier)) {
    const path = isAbsolute(specifier) ? specifier : resolve(cwd, specifier);
    if (!existsSync(path)) {
      throw new BriefingError('ENGINE_UNKNOWN', `engine module "${specifier}" not found (no file ${path})`);
    }
    return importOrExplain(pathToFileURL(path).href, specifier);
  }
  let resolved: string | undefined;
  try {
    resolved = createRequire(join(cwd, 'package.json')).resolve(specifier);
  } catch {
    resolved = undefined;
  }
  if (resolved) return importOrExplain(pathToFileURL(resolved).href, specifier);
  try {
    return await import(specifier);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && firstLine(error).includes(`'${specifier}'`)) {
      throw new BriefingError(
        'ENGINE_UNKNOWN',
        `no engine "${specifier}": not a built-in engine, and no package of that name is installed (from ${cwd})`,
        { cause: error },
      );
    }
    throw loadFailure(specifier, error);
  }
}

async function importOrExplain(url: string, specifier: string): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    throw loadFailure(specifier, error);
  }
}

function loadFailure(specifier: string, error: unknown): BriefingError {
  return new BriefingError('ENGINE_INVALID', `engine module "${specifier}" failed to load: ${firstLine(error)}`, {
    cause: error,
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
