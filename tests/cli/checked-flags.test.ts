import { describe, expect, it } from 'vitest';
import { CHECKED_FLAGS, checkTextFlags } from '../../src/cli/checked-flags.js';
import { checkFlagValues } from '../../src/cli/flag-values.js';

const VALUES: unknown[] = [' spaced out ', 'plain', '', '   ', false, 42, ['first', ' last ']];

describe('the text flags checked without the schemas', () => {
  it('accept exactly what the schemas accept, and leave the same values behind', () => {
    let fast = 0;
    for (const flag of CHECKED_FLAGS) {
      for (const value of VALUES) {
        const quick: Record<string, unknown> = { [flag]: value };
        const full: Record<string, unknown> = { [flag]: value };
        if (!checkTextFlags(quick)) {
          expect(quick, `${flag} ${JSON.stringify(value)} left unchanged for the schemas`).toEqual({ [flag]: value });
          continue;
        }
        fast += 1;
        expect(() => checkFlagValues(full), `${flag} ${JSON.stringify(value)}`).not.toThrow();
        expect(quick, `${flag} ${JSON.stringify(value)}`).toEqual(full);
      }
    }
    // Text flags with text in them, and the cover and cache flags' --no- forms.
    expect(fast).toBeGreaterThan(20);
  });

  it('hand anything else to the schemas: numbers, languages, empty text', () => {
    expect(checkTextFlags({ output: 'out', bitrate: 96 })).toBe(false);
    expect(checkTextFlags({ language: 'en' })).toBe(false);
    expect(checkTextFlags({ output: '  ' })).toBe(false);
    expect(checkTextFlags({ output: ' out ', cache: false })).toBe(true);
  });
});
