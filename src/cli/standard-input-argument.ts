import { BriefingError } from '../errors.js';

/**
 * Stands in for a `-` argument while yargs parses: yargs reads a lone `-`
 * as an empty flag and drops it (or turns it into `""`). A NUL character
 * cannot occur in a real command-line argument, so the stand-in never
 * collides with a file name.
 */
const STANDARD_INPUT_STAND_IN = '\u0000stdin';

/** The arguments with every `-` before a `--` replaced by a stand-in yargs keeps as a value. */
export function protectStandardInput(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((argument, index) => (argument === '-' && (end === -1 || index < end) ? STANDARD_INPUT_STAND_IN : argument));
}

/** `value` with the stand-in turned back into `-`, in strings and arrays of strings. */
export function restoreStandardInput(value: unknown): unknown {
  if (value === STANDARD_INPUT_STAND_IN) return '-';
  if (Array.isArray(value)) return value.map(restoreStandardInput);
  return value;
}

/**
 * The article inputs of a command, checked: standard input can be read only
 * once in a run, so `-` may be named once.
 */
export function articleInputs(value: unknown): string[] {
  const inputs = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((input) => String(input));
  if (inputs.filter((input) => input === '-').length > 1) {
    throw new BriefingError('USAGE', '-: standard input can be read only once; name it once among the inputs');
  }
  return inputs;
}
