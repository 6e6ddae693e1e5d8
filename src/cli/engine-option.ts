import { BriefingError } from '../errors.js';

/** Parses repeated `key=value` options into an object; values stay strings. */
export function parseEngineOptions(values: readonly string[] | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0) throw new BriefingError('USAGE', `--engine-option ${value}: expected key=value`);
    options[value.slice(0, at).trim()] = value.slice(at + 1);
  }
  return options;
}
