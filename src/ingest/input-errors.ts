import { BriefingError } from '../errors.js';

/** Largest input the ingest stage accepts, in bytes (50 MB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** `INPUT_EMPTY`: the input has no readable text. */
export function emptyInputError(name: string): BriefingError {
  return new BriefingError('INPUT_EMPTY', `${name}: has no readable text`);
}

/** `INPUT_NOT_TEXT`: the input is binary. */
export function notTextError(name: string): BriefingError {
  return new BriefingError('INPUT_NOT_TEXT', `${name}: is not a text file`);
}

/** `INPUT_TOO_LARGE`: the input exceeds {@link MAX_INPUT_BYTES}. */
export function tooLargeError(name: string): BriefingError {
  return new BriefingError('INPUT_TOO_LARGE', `${name}: is larger than 50 MB`);
}
