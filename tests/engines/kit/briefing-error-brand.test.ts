import { describe, expect, it } from 'vitest';
import { BriefingError, isBriefingError } from '../../../src/errors.js';

// The compiled package is another copy of the same class, as an engine built
// against its own installed copy of briefing would throw.
const otherCopy = (await import(new URL('../../../dist/errors.js', import.meta.url).href)) as typeof import('../../../src/errors.js');

describe('BriefingError across copies of the package', () => {
  it('recognizes an error thrown by another copy, with its code and retry flag', () => {
    const foreign = new otherCopy.BriefingError('ENGINE_REQUEST_FAILED', 'vendor: busy (HTTP 503)', { retryable: true });
    expect(otherCopy.BriefingError).not.toBe(BriefingError);
    expect(isBriefingError(foreign)).toBe(true);
    expect(isBriefingError(foreign, 'ENGINE_REQUEST_FAILED')).toBe(true);
    expect(isBriefingError(foreign, 'VOICE_UNKNOWN')).toBe(false);
    expect(foreign instanceof BriefingError).toBe(true);
    expect(otherCopy.isBriefingError(new BriefingError('ABORTED', 'x: aborted'))).toBe(true);
  });

  it('does not take plain errors, look-alikes or other values for one', () => {
    expect(isBriefingError(Object.assign(new Error('no'), { code: 'ENGINE_REQUEST_FAILED' }))).toBe(false);
    expect(isBriefingError({ code: 'ABORTED', message: 'x' })).toBe(false);
    expect(isBriefingError(undefined)).toBe(false);
    expect(new Error('plain') instanceof BriefingError).toBe(false);
  });
});
