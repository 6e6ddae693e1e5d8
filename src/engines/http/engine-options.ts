import { BriefingError } from '../../errors.js';
import type { EngineOptions } from '../speech-engine.js';

/** Raw engine options as the CLI and config files pass them. */
export type RawEngineOptions = EngineOptions['options'];

/**
 * Reads engine options given as strings (`--engine-option key=value`) or as
 * typed config values, rejecting bad values with a one-line `CONFIG_INVALID`.
 */
export class EngineOptionReader {
  /** Every key asked for: the options this engine accepts. */
  private readonly known = new Set<string>();

  constructor(
    private readonly engine: string,
    private readonly options: RawEngineOptions,
  ) {}

  /**
   * Throws a one-line `CONFIG_INVALID` naming the valid keys when an option
   * was given that no read asked for. Call once every option has been read.
   */
  rejectUnknownKeys(): void {
    rejectUnknownEngineOptions(this.engine, this.options, [...this.known]);
  }

  /** A non-empty string option, or `undefined`. */
  string(key: string): string | undefined {
    this.known.add(key);
    const value = this.options[key];
    if (value === undefined) return undefined;
    const text = String(value).trim();
    return text === '' ? undefined : text;
  }

  /** A number option within `[min, max]`, or `undefined`. */
  number(key: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    this.known.add(key);
    const raw = this.options[key];
    if (raw === undefined || raw === '') return undefined;
    const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
    const inRange =
      Number.isFinite(value) &&
      (range.min === undefined || value >= range.min) &&
      (range.max === undefined || value <= range.max) &&
      (!range.integer || Number.isInteger(value));
    if (!inRange) {
      const bounds = [range.min === undefined ? '' : `≥ ${range.min}`, range.max === undefined ? '' : `≤ ${range.max}`]
        .filter(Boolean)
        .join(' and ');
      const kind = range.integer ? 'an integer' : 'a number';
      throw this.invalid(key, raw, `${kind}${bounds ? ` ${bounds}` : ''}`);
    }
    return value;
  }

  /** A boolean option (`true`/`false`, `yes`/`no`, `1`/`0`, `on`/`off`), or `undefined`. */
  boolean(key: string): boolean | undefined {
    this.known.add(key);
    const raw = this.options[key];
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(text)) return true;
    if (['false', 'no', '0', 'off'].includes(text)) return false;
    throw this.invalid(key, raw, 'true or false');
  }

  /** A string option restricted to `allowed`, or `undefined`. */
  choice<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw this.invalid(key, value, `one of ${allowed.join(', ')}`);
    return value as T;
  }

  private invalid(key: string, value: unknown, expected: string): BriefingError {
    return new BriefingError(
      'CONFIG_INVALID',
      `${this.engine}: engine option ${key} must be ${expected}, got "${String(value)}"`,
    );
  }
}

/**
 * Throws a one-line `CONFIG_INVALID` for an engine option whose key is not
 * among `known`, listing the keys the engine accepts: a misspelt option
 * would otherwise be ignored without a word.
 */
export function rejectUnknownEngineOptions(engine: string, options: RawEngineOptions, known: readonly string[]): void {
  const unknown = Object.keys(options).filter((key) => options[key] !== undefined && !known.includes(key));
  if (unknown.length === 0) return;
  const valid = [...known].sort();
  throw new BriefingError(
    'CONFIG_INVALID',
    `${engine}: unknown engine option ${unknown.join(', ')} (valid: ${valid.length > 0 ? valid.join(', ') : 'none'})`,
  );
}

/** The environment credentials are read from: `options.env ?? process.env`. */
export function engineEnvironment(options: EngineOptions): Record<string, string | undefined> {
  return options.env ?? process.env;
}

/** Drops a trailing slash so paths can be appended to a base URL. */
export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `{ [key]: value }` when `value` is defined, else `{}`: for spreading optional fields. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `value` rounded to three decimals and kept within [min, max] (speaking rates sent to vendors). */
export function clampRate(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value * 1000) / 1000));
}
