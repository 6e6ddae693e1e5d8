import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/index.js';

/** Splitting never drops or repeats content: only the whitespace between sentences goes. */
function expectLossless(text: string, sentences: string[]): void {
  expect(sentences.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
}

describe('splitSentences', () => {
  it.each([
    ['Mr Jones arrived. He sat down.', ['Mr Jones arrived.', 'He sat down.']],
    ['Mr. Jones and Mrs. Hill met Ms. Ortiz. They talked.', ['Mr. Jones and Mrs. Hill met Ms. Ortiz.', 'They talked.']],
    ['Dr. Ama Osei spoke at St. Mary’s. Gen. Lee listened.', ['Dr. Ama Osei spoke at St. Mary’s.', 'Gen. Lee listened.']],
    [
      'Prof. Kaur, Sen. Blake, Rep. Diaz and Gov. Lund signed. Lt. Col. Harte did not.',
      ['Prof. Kaur, Sen. Blake, Rep. Diaz and Gov. Lund signed.', 'Lt. Col. Harte did not.'],
    ],
    ['Martin Luther King Jr. spoke first. Then the crowd sang.', ['Martin Luther King Jr. spoke first.', 'Then the crowd sang.']],
    ['Importers in the U.S. and the U.K. paid more. The dollar rose.', ['Importers in the U.S. and the U.K. paid more.', 'The dollar rose.']],
    ['Sales fell in the U.S. The company blamed tariffs.', ['Sales fell in the U.S.', 'The company blamed tariffs.']],
    ['The U.S. Treasury disagreed.', ['The U.S. Treasury disagreed.']],
    ['He lives at No. 10 Downing Street. It is small.', ['He lives at No. 10 Downing Street.', 'It is small.']],
    ['The vote is on Sept. 3, 2027. Polls open early.', ['The vote is on Sept. 3, 2027.', 'Polls open early.']],
    ['Acme Inc. said profits rose. Widgets Ltd. and Harbour Co. did not.', ['Acme Inc. said profits rose.', 'Widgets Ltd. and Harbour Co. did not.']],
    ['Shares in Acme Inc. The company fell.', ['Shares in Acme Inc.', 'The company fell.']],
    ['The train leaves at 9 a.m. on Fridays. It arrives at 6 p.m. The fare is low.', ['The train leaves at 9 a.m. on Fridays.', 'It arrives at 6 p.m.', 'The fare is low.']],
    ['Bring fruit, e.g. apples, i.e. red ones, pears etc. to the stall. Thanks.', ['Bring fruit, e.g. apples, i.e. red ones, pears etc. to the stall.', 'Thanks.']],
    ['Growth was 6.2% and the shares closed at €18.40. Analysts were surprised.', ['Growth was 6.2% and the shares closed at €18.40.', 'Analysts were surprised.']],
    ['J. K. Rowling wrote it. George R. R. Martin did not.', ['J. K. Rowling wrote it.', 'George R. R. Martin did not.']],
    ['He paused... then left. Nobody followed… Later it rained.', ['He paused... then left.', 'Nobody followed…', 'Later it rained.']],
    ['"We lost," she said. "We will be back."', ['"We lost," she said.', '"We will be back."']],
    ['She wrote: “It is over.” Nobody replied.', ['She wrote: “It is over.”', 'Nobody replied.']],
    ['“Is it true?” she asked. “Yes!” he said.', ['“Is it true?” she asked.', '“Yes!” he said.']],
    ['The vote was close (41 to 39). A recount follows.', ['The vote was close (41 to 39).', 'A recount follows.']],
    ['Was it worth it?! Probably.', ['Was it worth it?!', 'Probably.']],
    ['東京は晴れ。大阪は雨。', ['東京は晴れ。', '大阪は雨。']],
    ['Visit example.com. Or call.', ['Visit example.com.', 'Or call.']],
  ])('splits %j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences).toEqual(expected);
    expectLossless(text, sentences);
  });

  it('keeps a text without terminators as one sentence', () => {
    expect(splitSentences('Breaking news without a full stop')).toEqual(['Breaking news without a full stop']);
  });

  it('returns nothing for whitespace', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });

  it('survives emoji, Arabic, zero-width characters and combining marks', () => {
    const text = 'A record.\u200B Tickets cost £12 🎉. مرحبا بكم. Zoë arrived.';
    const sentences = splitSentences(text);
    expect(sentences).toEqual(['A record.', 'Tickets cost £12 🎉.', 'مرحبا بكم.', 'Zoë arrived.']);
  });

  it('handles a 12 KB sentence and 10 MB of text without backtracking', () => {
    const long = `${'and the committee reviewed the schedules, '.repeat(300)}end.`;
    expect(splitSentences(long)).toHaveLength(1);
    const huge = 'Mr. A. B. said "x." '.repeat(500_000);
    const sentences = splitSentences(huge);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.join(' ').length).toBe(huge.trim().length);
  });
});
