import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/index.js';
import { sentenceRanges } from '../../src/segment/split-sentences.js';

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

  describe.each([
    [
      'clock times in wire copy',
      [
        ['The hearing is set for 10 a.m. Tuesday in Denver. Lawyers declined to comment.', ['The hearing is set for 10 a.m. Tuesday in Denver.', 'Lawyers declined to comment.']],
        ['Polls close at 8 p.m. EST and results are due by 11 p.m. ET. Turnout was high.', ['Polls close at 8 p.m. EST and results are due by 11 p.m. ET.', 'Turnout was high.']],
        ['The board meets at 9:30 a.m. Jan. 12 and again at 2 p.m. March 3.', ['The board meets at 9:30 a.m. Jan. 12 and again at 2 p.m. March 3.']],
        ['The launch is at 3 p.m. Beijing time on Friday.', ['The launch is at 3 p.m. Beijing time on Friday.']],
        ['Trading opens at 9:30 a.m. (1430 GMT). Futures were flat.', ['Trading opens at 9:30 a.m. (1430 GMT).', 'Futures were flat.']],
        ['The session ended at 6 p.m. The council then voted to adjourn.', ['The session ended at 6 p.m.', 'The council then voted to adjourn.']],
        ['She left at 7 P.M. Mrs. Diaz stayed.', ['She left at 7 P.M.', 'Mrs. Diaz stayed.']],
        ['Shortly after 7 a.m. Dr. Lee opened the clinic. At 9 a.m. Patients queued.', ['Shortly after 7 a.m. Dr. Lee opened the clinic.', 'At 9 a.m. Patients queued.']],
      ],
    ],
    [
      'abbreviations in names and before numbers',
      [
        ['Acme Inc. shares rose in New York. Ft. Worth and St. Louis were hit hardest.', ['Acme Inc. shares rose in New York.', 'Ft. Worth and St. Louis were hit hardest.']],
        ['Gov. Ruiz visited No. 10 on Monday. She flew home.', ['Gov. Ruiz visited No. 10 on Monday.', 'She flew home.']],
        ['The shop moved to 40 Elm St. The old one closed.', ['The shop moved to 40 Elm St.', 'The old one closed.']],
        ['The fund is run by Harbor Tide Group Inc. It manages $2 billion.', ['The fund is run by Harbor Tide Group Inc.', 'It manages $2 billion.']],
        ['Find it at N°. 12.4.9. Then dig.', ['Find it at N°. 12.4.9.', 'Then dig.']],
        ['See Fig. 3 and pp. 10-12. Vol. 2 follows.', ['See Fig. 3 and pp. 10-12.', 'Vol. 2 follows.']],
        ['Call 555-0100 ext. 42 after noon.', ['Call 555-0100 ext. 42 after noon.']],
      ],
    ],
    [
      'initials and the pronoun I',
      [
        ['It was signed by J. A. Rowe and Mary B. Hill.', ['It was signed by J. A. Rowe and Mary B. Hill.']],
        ['Ask her and I. Did you see Pedro I. Alves?', ['Ask her and I.', 'Did you see Pedro I. Alves?']],
        ['She took vitamin C. The cold passed.', ['She took vitamin C.', 'The cold passed.']],
        ['The treaty ended World War I. It was signed in 1919.', ['The treaty ended World War I.', 'It was signed in 1919.']],
      ],
    ],
    [
      'reference marks and dashes after a sentence end',
      [
        ['The bridge opened in 1932.[4] It carries six lanes.[5][6] Tolls were dropped.', ['The bridge opened in 1932.[4]', 'It carries six lanes.[5][6]', 'Tolls were dropped.']],
        ['Stir, bake, and -- presto! -- dinner is served.', ['Stir, bake, and -- presto! -- dinner is served.']],
      ],
    ],
    [
      'domain names and e-mail addresses',
      [
        ['Shopwell.com Inc. said sales rose. Write to desk@news.example.org. She replies.', ['Shopwell.com Inc. said sales rose.', 'Write to desk@news.example.org.', 'She replies.']],
        ['The report is at https://data.example.net/2026/q3.html. Read it.', ['The report is at https://data.example.net/2026/q3.html.', 'Read it.']],
      ],
    ],
    [
      'quoted questions and exclamations with their attribution',
      [
        ['"Why now?" she asked. "Go!" he shouted.', ['"Why now?" she asked.', '"Go!" he shouted.']],
        ['“Why now?” Okafor asked. “Run!” Mr. Lindqvist shouted at the crowd.', ['“Why now?” Okafor asked.', '“Run!” Mr. Lindqvist shouted at the crowd.']],
        ['"Is it over?" Nobody replied.', ['"Is it over?"', 'Nobody replied.']],
        ['"It is done." Nobody answered.', ['"It is done."', 'Nobody answered.']],
      ],
    ],
    [
      'ellipses',
      [
        ['He hesitated . . . then signed. The deal . . . was done.', ['He hesitated . . . then signed.', 'The deal . . . was done.']],
        ['The report says that costs "will rise . . . sharply . . . ." Nobody disputes it.', ['The report says that costs "will rise . . . sharply . . . ."', 'Nobody disputes it.']],
        ['The rules were clear. . . . Few obeyed them.', ['The rules were clear.', '. . . Few obeyed them.']],
        ['Waiting is hard.... She left.', ['Waiting is hard....', 'She left.']],
        ['"The river [...] rose overnight [...]" (Flood Report 4).', ['"The river [...] rose overnight [...]" (Flood Report 4).']],
      ],
    ],
    [
      'inline lists',
      [
        ['Bring: 1) a torch 2) water 3) a map. Then go.', ['Bring:', '1) a torch', '2) water', '3) a map.', 'Then go.']],
        ['1.) Fill the kettle 2.) Boil it', ['1.) Fill the kettle', '2.) Boil it']],
        ['1. Fill the kettle. 2. Boil it.', ['1. Fill the kettle.', '2. Boil it.']],
        ['a. Red paint b. Blue paint c. Brushes', ['a. Red paint', 'b. Blue paint', 'c. Brushes']],
        ['• 4. Sand it • 5. Paint it', ['• 4. Sand it', '• 5. Paint it']],
        ['- 4. Sand it - 5. Paint it', ['- 4. Sand it', '- 5. Paint it']],
        ['• Sand it • Paint it', ['• Sand it', '• Paint it']],
        ['The vote - a close one - passed.', ['The vote - a close one - passed.']],
        ['The law bans: (a) smoking and (b) fires.', ['The law bans:', '(a) smoking and', '(b) fires.']],
        ['3. Preheat the oven.', ['3. Preheat the oven.']],
        ['i. Measure the flour ii. Sift it iii. Fold it in', ['i. Measure the flour', 'ii. Sift it', 'iii. Fold it in']],
        ['Two parts: I. The cause II. The cure', ['Two parts:', 'I. The cause', 'II. The cure']],
        ['He ranked No. 1. His rival was No. 2. The gap is small.', ['He ranked No. 1.', 'His rival was No. 2.', 'The gap is small.']],
        ['In round 1. Okafor led and in round 2. Lind won.', ['In round 1.', 'Okafor led and in round 2.', 'Lind won.']],
      ],
    ],
  ] as [string, [string, string[]][]][])('%s', (_name, cases) => {
    it.each(cases)('splits %j', (text, expected) => {
      const sentences = splitSentences(text);
      expect(sentences).toEqual(expected);
      expectLossless(text, sentences);
    });
  });

  it('splits a US wire story with times, prices and an inline list', () => {
    const story =
      'NEW HAVEN, Conn. (Wire) — Shares of Brightwater Corp. fell 12% to $41.37 on Tuesday after the ' +
      'company cut its forecast. The stock had closed at $47.02 on Monday. Chief Executive Dana K. Ruiz ' +
      'said the cuts would take effect at 9 a.m. EST Wednesday. "Why now?" analyst Ben Ito asked on a ' +
      'call at 5 p.m. The company listed three steps: 1) close two plants 2) sell its U.S. trucking ' +
      'unit 3) buy back $200 million of stock. The U.S. Securities and Exchange Commission declined ' +
      'to comment. Brightwater.com Inc., a unit, was not affected.';
    const sentences = splitSentences(story);
    expect(sentences).toEqual([
      'NEW HAVEN, Conn. (Wire) — Shares of Brightwater Corp. fell 12% to $41.37 on Tuesday after the company cut its forecast.',
      'The stock had closed at $47.02 on Monday.',
      'Chief Executive Dana K. Ruiz said the cuts would take effect at 9 a.m. EST Wednesday.',
      '"Why now?" analyst Ben Ito asked on a call at 5 p.m.',
      'The company listed three steps:',
      '1) close two plants',
      '2) sell its U.S. trucking unit',
      '3) buy back $200 million of stock.',
      'The U.S. Securities and Exchange Commission declined to comment.',
      'Brightwater.com Inc., a unit, was not affected.',
    ]);
    expectLossless(story, sentences);
  });

  it('returns ranges into the original text that cover every character of content once', () => {
    const text = '  1.) Tea at 4 p.m. Tuesday 2.) Cake . . . maybe. “Why?” Ada asked.  ';
    const ranges = sentenceRanges(text);
    let previousEnd = 0;
    for (const range of ranges) {
      expect(range.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(previousEnd, range.start).trim()).toBe('');
      expect(text.slice(range.start, range.end)).toBe(text.slice(range.start, range.end).trim());
      previousEnd = range.end;
    }
    expect(text.slice(previousEnd).trim()).toBe('');
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual([
      '1.) Tea at 4 p.m. Tuesday',
      '2.) Cake . . . maybe.',
      '“Why?” Ada asked.',
    ]);
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
