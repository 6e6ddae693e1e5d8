import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

describe('years', () => {
  it.each([
    ['The bridge opened in 1974.', /opened in nineteen seventy-four\./i],
    ['The war ended in 1945 after six years.', /in nineteen forty-five after/i],
    ['The law dates from 1905.', /from nineteen oh five/i],
    ['The hotel was built in 1900.', /in nineteen hundred/i],
    ['In 2000 the bank merged.', /in two thousand,? the bank/i],
    ['The plan was drawn up in 2007.', /two thousand (and )?seven/i],
    ['The museum reopened in 2019.', /in twenty nineteen/i],
    ['Elections are due in 2028.', /in twenty twenty-eight/i],
    ['The Normans arrived in 1066.', /in ten sixty-six/i],
    ['Growth has slowed since 2014.', /since twenty fourteen/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('reads a year at the start of a sentence as a year', () => {
    expect(say('2027 will be a difficult year.')).toMatch(/^twenty twenty-seven will be/i);
  });

  it('reads a four-digit count before a plural noun as a number', () => {
    expect(say('About 1500 workers went on strike.')).toMatch(/one thousand five hundred workers/i);
  });

  it('reads a labelled number as a number, not a year', () => {
    expect(say('The suspect fled in Room 2015.')).not.toMatch(/twenty fifteen/i);
  });

  it('reads "between YEAR and YEAR" as two years', () => {
    expect(say('Output doubled between 2011 and 2016.')).toMatch(/between twenty eleven and twenty sixteen/i);
  });

  it('reads a year range', () => {
    expect(say('The survey covered 2012-2017.')).toMatch(/twenty twelve to twenty seventeen/i);
    expect(say('The 1939-45 war changed Europe.')).toMatch(/nineteen thirty-nine to nineteen forty-five/i);
  });
});

describe('years with the century left out', () => {
  it.each([
    ['It began back in \'08, before the crash.', /back in oh eight, before/],
    ['She was in the class of \'69.', /class of sixty-nine/],
    ['Then came the \'90s.', /the nineties/],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});

describe('decades and centuries', () => {
  it.each([
    ['Rents soared in the 1970s.', /nineteen seventies/i],
    ['The style returned in the 2010s.', /twenty tens/i],
    ['Music of the 1960s\' counterculture.', /nineteen sixties'? counterculture/i],
    ['Fashion from the \'80s came back.', /the eighties came back/i],
    ['It was common in the 1800s.', /eighteen hundreds/i],
    ['The church dates from the 12th century.', /twelfth century/i],
    ['A 21st-century problem.', /twenty-first-century problem/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});

describe('ordinals, cardinals, decimals, negatives', () => {
  it.each([
    ['She finished 2nd in the race.', /finished second in/i],
    ['It is the 101st edition.', /one hundred first edition/i],
    ['Sales reached 2,450 units.', /two thousand four hundred fifty units/i],
    ['The city has 3,400,000 residents.', /three million four hundred thousand residents/i],
    ['Inflation was 2.75 points higher.', /two point seven five points/i],
    ['The index fell 0.4 points.', /zero point four points/i],
    ['Overnight it reached -12 degrees.', /minus twelve degrees/i],
    ['The balance was (-40) at the end.', /\(minus forty\)/i],
    ['Agent 007 returned.', /zero zero seven/i],
    ['Passengers must be 18+ to travel alone.', /eighteen plus to travel/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('speaks a number that starts a sentence', () => {
    expect(say('14 people were hurt.')).toMatch(/^fourteen people were hurt\./i);
  });

  it('reads very long digit strings digit by digit instead of failing', () => {
    expect(say('Code 123456789012345678901234567890 was used.')).toMatch(/one two three four five six/i);
  });
});

describe('fractions, ranges and scores', () => {
  it.each([
    ['Nearly 2/3 of members agreed.', /two-thirds of members/i],
    ['Only 1/4 of homes were connected.', /one-quarter of homes/i],
    ['Add 1/2 of the flour.', /one-half of the flour/i],
    ['About 3/4 of the vote counted.', /three-quarters of the vote/i],
    ['The helpline is open 24/7.', /twenty-four seven/i],
    ['The tunnel is 2½ miles long.', /two and a half miles/i],
    ['Expect delays of 10-15 minutes.', /ten to fifteen minutes/i],
    ['Costs rose 4-5% this year.', /four to five percent/i],
    ['City beat Rovers 4-2 on Saturday.', /four[ -](to[ -])?two/i],
    ['The match ended in a 0-0 draw.', /(nil|nothing|zero)[ -](nil|nothing|zero) draw/i],
    ['A 19-year-old woman was injured.', /a nineteen-year-old woman/i],
    ['He signed a 3-year deal.', /three-year deal/i],
    ['Nadal won 6-4, 3-6, 7-6 to reach the final.', /six-four, three-six, seven-six to reach/i],
    ['Pages 3-6, 8-9 were torn.', /three to six, eight to nine were torn/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});

describe('numbers in names and codes', () => {
  it.each([
    ['The Airbus A380 landed.', /A three eighty landed/],
    ['Flight MH370 vanished in 2014.', /M H three seventy vanished/],
    ['Traffic on the A303 was slow.', /A three oh three was slow/],
    ['Boeing 737 MAX jets were grounded.', /Boeing seven thirty-seven max/i],
    ['A Boeing 777X flew.', /Boeing seven seventy-seven X/],
    ['The H100 chip sold out.', /H one hundred chip/],
    ['The G7 met in Italy.', /G seven met/],
    ['Welcome to the M25.', /M twenty-five/],
    ['Section 230 shields websites.', /Section two thirty shields/],
    ['Traffic on Highway 401 stopped.', /Highway four oh one stopped/],
    ['Board at Gate 204 now.', /Gate two oh four now/],
    ['Suite 300 is upstairs.', /Suite three hundred is/],
    ['See page 204 for more.', /page two hundred four for/],
    ['Sales rose in FY2024.', /F Y twenty twenty-four/],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});
