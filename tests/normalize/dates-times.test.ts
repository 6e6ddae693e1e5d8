import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

describe('dates', () => {
  it.each([
    ['The vote is set for June 3.', /june third/i],
    ['Talks resume on 9 March.', /the ninth of march/i],
    ['The deadline is 30th November.', /the thirtieth of november/i],
    ['The summit opens on Feb. 2, 2027.', /february second,? twenty twenty-seven/i],
    ['Payments start Sept. 1.', /september first/i],
    ['It was signed on Dec. 25, 1991.', /december twenty-fifth,? nineteen ninety-one/i],
    ['The fair runs 12-14 July.', /twelfth to the fourteenth of july/i],
    ['The strike runs August 3-5.', /august third to fifth/i],
    ['Results are due in January 2027.', /january twenty twenty-seven/i],
    ['The log shows 2026-11-05 as the start.', /fifth of november twenty twenty-six|november fifth,? twenty twenty-six/i],
    ['Sales dipped in the April-June quarter.', /april to june quarter/i],
    ['Shops open Mon-Sat.', /monday to saturday/i],
    ['The hearing is on Thurs., Oct. 8.', /thursday,? october eighth/i],
    ['Profits rose in the October–December period.', /october to december/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('does not say "the the" when the article is written', () => {
    expect(say('Polls close on the 7 May.')).toMatch(/on the seventh of may/i);
    expect(say('Polls close on the 7 May.')).not.toMatch(/the the/i);
  });

  it('treats "May" as the month only before a date number', () => {
    expect(say('Voting starts May 6 in most areas.')).toMatch(/may sixth in most/i);
    expect(say('Ministers may 6 times revise it.')).toMatch(/ministers may six times/i);
    expect(say('In May the rain stopped.')).toBe('In May the rain stopped.');
  });

  it('uses the American date order for en-US', () => {
    expect(say('The ceremony was on 4 July.', { language: 'en-US' })).toMatch(/july fourth/i);
  });
});

describe('times', () => {
  it.each([
    ['The rally begins at 6pm.', /at six ?p\.? ?m\.?/i],
    ['Doors open at 8 a.m. sharp.', /at eight a ?m sharp/i],
    ['The train departs at 11:45am.', /eleven forty-five a ?m/i],
    ['Curfew starts at 22:00.', /twenty-two hundred hours/i],
    ['The flight lands at 16:30.', /sixteen thirty/i],
    ['The shop opens at 8:05 daily.', /eight oh five daily/i],
    ['Meet me at 5 o\'clock.', /five o'clock/i],
    ['The office is open 9am-5pm.', /nine a m to five p m/i],
    ['It ended at 10.15pm.', /ten fifteen p m/i],
    ['Trading opens at 0900 GMT on Monday.', /at nine o'clock G M T on Monday/],
    ['Talks resume at 1430 ET.', /at fourteen thirty E T/],
    ['The deadline is 2300 GMT.', /twenty-three hundred hours G M T/],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('keeps the sentence end after "p.m." at the end of a sentence', () => {
    expect(say('The fire started at 3 p.m. The police came later.')).toMatch(/three p m\. The police/);
  });
});
