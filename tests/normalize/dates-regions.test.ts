import { describe, expect, it } from 'vitest';
import { normalizeBlocks, resolveDateOrder } from '../../src/normalize/index.js';
import { RunContext } from '../../src/platform/run-context.js';
import type { NarrationBlock } from '../../src/segment/narration-block.js';
import { say } from './helpers.js';

describe('month names in any case', () => {
  it.each([
    ['The ruling came on MAR. 3 after weeks of debate.', /March third after/],
    ['DECEMBER 31 is the deadline.', /December thirty-first is/],
    ['the fair opens august 9 and closes august 14.', /August ninth and closes August fourteenth/],
    ['Filed on 3rd oct 2019 in the county court.', /October third,? twenty nineteen/],
    ['He was born in november 1931.', /November nineteen thirty-one/],
    ['Prices rose in Feb-12 trading.', /February twelfth trading/],
    ['Shares fell on 12 APRIL.', /April twelfth|twelfth of April/],
  ])('%s', (input, expected) => {
    expect(say(input, { language: 'en-US' })).toMatch(expected);
  });

  it('leaves the verb "may" and the verb "march" alone', () => {
    expect(say('Prices may 2 times rise.', { language: 'en-US' })).toMatch(/may two times rise/);
    expect(say('Thousands march 5 miles to the capital.', { language: 'en-US' })).toMatch(/march five miles/);
  });
});

describe('numeric dates follow the region', () => {
  it('reads month first for en-US and day first for en-GB', () => {
    expect(say('The order was signed on 04/09/2021.', { language: 'en-US' })).toMatch(/April ninth,? twenty twenty-one/);
    expect(say('The order was signed on 04/09/2021.', { language: 'en-GB' })).toMatch(/the fourth of September twenty twenty-one/);
    expect(say('The order was signed on 04/09/2021.', { language: 'en-AU' })).toMatch(/fourth of September/);
  });

  it('lets a number above twelve settle the order whatever the region', () => {
    expect(say('It expired on 28/02/2019.', { language: 'en-US' })).toMatch(/February twenty-eighth/);
    expect(say('It expired on 02/28/2019.', { language: 'en-GB' })).toMatch(/twenty-eighth of February/);
  });

  it('reads year-first, ISO, dotted and dashed dates', () => {
    expect(say('Filed 2019/11/05 in court.', { language: 'en-US' })).toMatch(/November fifth,? twenty nineteen/);
    expect(say('Logged 2024-03-09 at noon.', { language: 'en-US' })).toMatch(/March ninth,? twenty twenty-four/);
    expect(say('Valid until 31.12.2030 only.', { language: 'en-GB' })).toMatch(/thirty-first of December twenty thirty/);
    expect(say('Posted 07-04-2022 online.', { language: 'en-US' })).toMatch(/July fourth,? twenty twenty-two/);
    expect(say('Dated 11/03/97 by hand.', { language: 'en-US' })).toMatch(/November third,? ninety-seven/);
  });

  it('keeps the day first after "the" in American English: "the fourth of July"', () => {
    expect(say('Fireworks light up the 4th of July sky.', { language: 'en-US' })).toMatch(/the fourth of July sky/);
    expect(say('We met on the 5th of May, 2021.', { language: 'en-US' })).toMatch(/the fifth of May,? twenty twenty-one/);
    expect(say('Fireworks lit up 4th of July parties.', { language: 'en-US' })).toMatch(/July fourth parties/);
    expect(say('We met on the 5th of May.', { language: 'en-GB' })).toMatch(/the fifth of May/);
  });

  it('does not read version numbers or lists of numbers as dates', () => {
    expect(say('Upgrade to version 3.2.11 now.', { language: 'en-US' })).not.toMatch(/March|February/);
    expect(say('The votes were 3-4-10 in the rounds.', { language: 'en-US' })).not.toMatch(/March|April/);
  });

  it('uses the order an unambiguous date of the same text shows when the language names no region', () => {
    expect(resolveDateOrder('en', 'On 12/25/2020 and 03/04/2021.')).toEqual({ order: 'month-first', guessed: false });
    expect(resolveDateOrder('en', 'On 25/12/2020 and 03/04/2021.')).toEqual({ order: 'day-first', guessed: false });
    expect(resolveDateOrder('en', 'On 03/04/2021.')).toEqual({ order: 'day-first', guessed: true });
    expect(resolveDateOrder('en-US', 'On 03/04/2021.')).toEqual({ order: 'month-first', guessed: false });
    expect(say('Paid on 12/25/2020, due 03/04/2021.', { language: 'en' })).toMatch(/the fourth of March/);
  });

  it('warns once when the order of an article without a region is guessed, and not otherwise', () => {
    const block = (id: string, text: string, language: string): NarrationBlock => ({
      id,
      kind: 'paragraph',
      text,
      sentences: [{ text, runs: [{ text }] }],
      story: 0,
      language,
    });
    const guessing = new RunContext();
    const guessed = normalizeBlocks([block('b1', 'Talks began on 03/04/2021.', 'en'), block('b2', 'They ended 05/06/2021.', 'en')], { context: guessing });
    const warnings = guessing.warnings.filter((warning) => warning.code === 'DATE_ORDER_GUESSED');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.stage).toBe('normalize');
    expect(warnings[0]!.message).toMatch(/day first/);
    expect(guessed[0]!.speech).toMatch(/the third of April/);

    const settling = new RunContext();
    normalizeBlocks([block('b1', 'Talks began on 03/04/2021.', 'en'), block('b2', 'They ended 25/06/2021.', 'en')], { context: settling });
    expect(settling.warnings.some((warning) => warning.code === 'DATE_ORDER_GUESSED')).toBe(false);
    const regionalContext = new RunContext();
    const regional = normalizeBlocks([block('b1', 'Talks began on 03/04/2021.', 'en-US')], { context: regionalContext });
    expect(regionalContext.warnings).toHaveLength(0);
    expect(regional[0]!.speech).toMatch(/March fourth/);
  });
});

describe('clock times', () => {
  it.each([
    ['The polls open at 07:00 sharp.', /at seven o'clock sharp/],
    ['The curfew begins at 21:00 nightly.', /twenty-one hundred hours nightly/],
    ['The shift starts at 00:00.', /at midnight\./],
    ['The record stands at 02:03:45.', /two hours three minutes and forty-five seconds/],
    ['The launch is at 6:45 a.m.PDT.', /six forty-five a m P D T/],
    ['Kick-off is at 8 pm GMT.', /eight p m G M T\./],
    ['Markets close at 4 p.m. ET on Friday.', /four p m E T on Friday/],
    ['The desk is staffed 09:00-17:00 daily.', /nine o'clock to seventeen hundred hours daily/],
  ])('%s', (input, expected) => {
    const spoken = say(input, { language: 'en-US' });
    expect(spoken).toMatch(expected);
    expect(spoken).not.toMatch(/(one|seven|twenty-one) hundred(?! hours)/);
  });
});
