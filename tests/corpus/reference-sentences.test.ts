import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/index.js';
import { goldenRules, scoreSentenceRules } from './sentence-rules.js';

/** pySBD 0.3.4 on the same rules, as the suite's keepers report it: all but rule 18. */
const PYSBD = { passed: 47, total: 48 };
/** The score briefing has reached; floors only rise. */
const FLOOR = 48;

describe('English Golden Rules of sentence boundaries', () => {
  const rules = goldenRules();

  it('scores briefing beside pySBD', () => {
    const score = scoreSentenceRules(rules, splitSentences);
    console.log(
      [
        'Golden Rules (English), sentences exactly right:',
        `  briefing        ${score.passed}/${score.total}`,
        `  pySBD 0.3.4     ${PYSBD.passed}/${PYSBD.total}`,
        `  failing rules:  ${score.failed.length === 0 ? 'none' : score.failed.join(', ')}`,
      ].join('\n'),
    );
    expect(score.total).toBe(PYSBD.total);
    expect(score.passed).toBeGreaterThanOrEqual(FLOOR);
  });

  it('keeps every character of content in exactly one sentence', () => {
    for (const rule of rules) {
      const sentences = splitSentences(rule.input);
      expect(sentences.join('').replace(/\s+/g, '')).toBe(rule.input.replace(/\s+/g, ''));
    }
  });
});
