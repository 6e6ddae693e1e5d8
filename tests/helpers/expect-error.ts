import { BriefingError } from '../../src/errors.js';

/** Awaits `promise`, which must reject with a `BriefingError`, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<BriefingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw new Error(`expected a BriefingError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the promise to reject');
}

/** Calls `make`, which must throw a `BriefingError`, and returns that error. */
export function thrown(make: () => unknown): BriefingError {
  try {
    make();
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw new Error(`expected a BriefingError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a throw');
}

/** Awaits `promise`, which must reject with a `BriefingError`, and returns its code and message. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await rejection(promise);
  return { code: error.code, message: error.message };
}
