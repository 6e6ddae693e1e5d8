import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

const us = { language: 'en-US' };

describe('money', () => {
  it.each([
    ['A ticket costs $7.5 at the door.', /seven dollars and fifty cents at the door/],
    ['The coin sold for $3.070 online.', /three dollars and seven cents online/],
    ['Each stamp adds $.35 to the bill.', /thirty-five cents to the bill/],
    ['The fee is $4.000 a head.', /four dollars a head/],
    ['Rooms cost $89.50-$120.75 a night.', /eighty-nine dollars and fifty cents to one hundred twenty dollars and seventy-five cents a night/],
    ['Bids ranged from $400-$650.', /four hundred dollars to six hundred fifty dollars\./],
    ['Plans start at $14.99/month for now.', /fourteen dollars and ninety-nine cents per month for now/],
    ['Parking is £3/hr in the centre.', /three pounds per hour in the centre/],
    ['Staff earn €900/wk there.', /nine hundred euros per week there/],
    ['Tolls of $0.8/mi are planned.', /eighty cents per mile are planned/],
    ['The fund holds ¥12 b in bonds.', /twelve billion yen in bonds/],
    ['Exports hit ₩75 trillion.', /seventy-five trillion won/],
    ['The deal is worth US$4.2 billion.', /four point two billion US dollars/],
    ['Gold traded at $1,950.123 an ounce.', /one thousand nine hundred fifty point one two three dollars/],
    ['The account fell to -€40 overnight.', /minus forty euros overnight/],
    ['A meal costs Rs. 250 there.', /two hundred fifty rupees there/],
  ])('%s', (input, expected) => {
    expect(say(input, us)).toMatch(expected);
  });

  it('keeps shared scales of a range together', () => {
    expect(say('Costs of $2.5-3.1 billion are expected.', us)).toMatch(/two point five to three point one billion dollars/);
  });
});

describe('units', () => {
  it.each([
    ['Beef sells at 18/kg in the market.', /eighteen per kilogram in the market/],
    ['The link runs at 300 Mbps at peak.', /three hundred megabits per second at peak/],
    ['A 25KG sack of rice.', /twenty-five kilograms? sack/],
    ['Limits of 65 MPH apply.', /sixty-five miles per hour apply/],
    ['Ships moved 900 million kg of grain.', /nine hundred million kilograms of grain/],
    ['The room is 4x5 m2 in size.', /four by five square metres in size/],
    ['A plot of 30 m2 was sold.', /thirty square metres was sold/],
    ['The panel is 3 x 4 metres.', /three by four metres/],
    ['Add 250 mL of water.', /two hundred fifty millilitres of water/],
    ['She sent a 12 MB file.', /a twelve megabyte file/],
    ['They took an 8 km walk.', /an eight kilometre walk/],
    ['Gum cost 5¢ a stick.', /five cents a stick/],
    ['The wall is 2 - 3 m high.', /two to three metres high/],
    ['She stands 5\'9" tall.', /five feet nine inches tall/],
    ['The dam holds 40 000 m3 of water.', /forty thousand cubic metres of water/],
    ['Exactly 7 050 ballots were cast.', /seven thousand fifty ballots/],
  ])('%s', (input, expected) => {
    expect(say(input, us)).toMatch(expected);
  });
});

describe('spaced thousands', () => {
  it('joins them for English only', () => {
    expect(say('He paid 12 000 euros.', us)).toMatch(/twelve thousand euros/);
    // A French voice reads "12,000" as twelve point zero: the digits stay as written.
    expect(say('Il a payé 12\u202f000 euros.', { language: 'fr' })).toBe('Il a payé 12 000 euros.');
  });
});

describe('spaced dashes', () => {
  it('keeps the pause of a score written with spaces', () => {
    expect(say('United won 4 - 2 at home.', us)).toMatch(/four, two at home/);
  });
});

describe('fractions and mixed numbers', () => {
  it.each([
    ['The talks lasted 3 1/2 hours.', /three and a half hours/],
    ['It took 1 3/4 days to finish.', /one and three-quarters days/],
    ['Add 2 7/4 cups in total.', /two and seven-quarters cups/],
    ['Only 1/8th of voters agreed.', /one-eighth of voters/],
    ['Only 3/5TH of the seats were filled.', /three-fifths of the seats/],
    ['The gap is 15/64 of an inch.', /fifteen sixty-fourths of an inch/],
    ['About 7/100 of the sample failed.', /seven one hundredths of the sample/],
    ['Scores of 17/20 were common.', /seventeen[- ]twentieths were common/],
    ['Nearly 2/3rds of voters agreed.', /two-thirds of voters/],
    ['Add 4 1/2 kg of flour.', /four and a half kilograms of flour/],
  ])('%s', (input, expected) => {
    const spoken = say(input, us);
    expect(spoken).toMatch(expected);
  });

  it('still reads number pairs that are not fractions as numbers', () => {
    expect(say('The shop is open 24/7.', us)).toMatch(/twenty-four seven/);
    expect(say('The 9/11 attacks changed travel.', us)).toMatch(/nine eleven attacks/);
  });

  it('keeps fractions after "by" and before "of"', () => {
    expect(say('Costs were cut by 3/4 last year.', us)).toMatch(/by three-quarters last year/);
    expect(say('It rained on 2/3 of the days.', us)).toMatch(/on two-thirds of the days/);
  });

  it('reads a month and a day after a word that introduces a date', () => {
    expect(say('Ballots are due on 5/18 this year.', us)).toMatch(/on May eighteenth this year/);
    expect(say('Ballots are due on 18/5 this year.', { language: 'en-GB' })).toMatch(/on the eighteenth of May this year/);
  });
});

describe('ordinals, decades and decimals', () => {
  it.each([
    ['It was the 2,000th visitor.', /two thousandth visitor/],
    ['The 5,000,000th car rolled out.', /five millionth car/],
    ['He came 22nd overall.', /twenty-second overall/],
    ['The typo "5st" stays as written.', /five S T/],
    ['Styles of the 1920s-1940s returned.', /nineteen twenties to nineteen forties returned/],
    ['Hits of the 1970s-90s played.', /nineteen seventies to nineties played/],
    ['Music of the 1990 s is back.', /nineteen nineties is back/],
    ["Fashion of the 1970's is back.", /nineteen seventies is back/],
    ['A .22-caliber rifle was found.', /point two two[- ]caliber rifle/],
    ['Output fell by .4 trillion.', /point four trillion/],
    ['The card number 4111111111111111 was stolen.', /four one one one one one one one one one one one one one one one was stolen/],
  ])('%s', (input, expected) => {
    const spoken = say(input, us);
    expect(spoken).toMatch(expected);
    expect(spoken).not.toMatch(/ \. |\.\w/);
  });
});

describe('Roman numerals', () => {
  it.each([
    ['Frank III took over the firm.', /Frank the third took over/],
    ['Tom Hale IV spoke first.', /Tom Hale the fourth spoke/],
    ['Read CHAPTER XII tonight.', /chapter twelve tonight/i],
    ['Section XL covers it.', /Section forty covers/],
    ['Part IX is the last.', /Part nine is/],
    ["Queen Victoria II's reign is fiction.", /Victoria the second's reign/],
    ['Art of the XIX century sold well.', /the nineteenth century sold/],
  ])('%s', (input, expected) => {
    expect(say(input, us)).toMatch(expected);
  });

  it('never turns the pronoun I into a number', () => {
    expect(say('I said I would come, and I did.', us)).toBe('I said I would come, and I did.');
    expect(say('Then I II and more.', us)).not.toMatch(/\bone\b/);
  });
});
