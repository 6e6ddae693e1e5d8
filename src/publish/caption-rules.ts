import { BriefingError } from '../errors.js';

/** Readability limits for captions; the defaults follow common broadcast practice. */
export interface CaptionRules {
  /** Most lines shown at once in one cue. */
  maxLines: number;
  /** Most characters on one line. */
  maxLineChars: number;
  /** Shortest time a cue should stay on screen, in ms. */
  minDurationMs: number;
  /** Longest time a cue may stay on screen, in ms. */
  maxDurationMs: number;
  /** Reading speed the timing should not exceed, in characters a second. */
  maxCharsPerSecond: number;
}

/** Two lines of 42 characters, 1–7 seconds a cue, 17 characters a second. */
export const DEFAULT_CAPTION_RULES: Readonly<CaptionRules> = Object.freeze({
  maxLines: 2,
  maxLineChars: 42,
  minDurationMs: 1000,
  maxDurationMs: 7000,
  maxCharsPerSecond: 17,
});

/**
 * The defaults overridden by `overrides`.
 *
 * @throws BriefingError `CONFIG_INVALID` when a limit is not a positive number
 *   or the shortest duration exceeds the longest.
 */
export function resolveCaptionRules(overrides: Partial<CaptionRules> = {}): CaptionRules {
  const rules: CaptionRules = { ...DEFAULT_CAPTION_RULES };
  for (const [key, value] of Object.entries(overrides) as [keyof CaptionRules, number | undefined][]) {
    if (value !== undefined) rules[key] = value;
  }
  for (const [key, value] of Object.entries(rules)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new BriefingError('CONFIG_INVALID', `captions: ${key} must be a positive number, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(rules.maxLines) || !Number.isInteger(rules.maxLineChars)) {
    throw new BriefingError('CONFIG_INVALID', 'captions: maxLines and maxLineChars must be whole numbers');
  }
  if (rules.minDurationMs > rules.maxDurationMs) {
    throw new BriefingError('CONFIG_INVALID', `captions: minDurationMs (${rules.minDurationMs}) exceeds maxDurationMs (${rules.maxDurationMs})`);
  }
  return rules;
}
