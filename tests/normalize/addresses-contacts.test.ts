import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

const us = { language: 'en-US' };

describe('street addresses', () => {
  it.each([
    ['The office is at 3415 Birch Ave, Dayton, OH 45402.', /thirty-four fifteen Birch Avenue, Dayton, Ohio,? four five four zero two\./],
    ['Deliveries go to 250 W 57th St, New York, NY 10107.', /two fifty West fifty-seventh Street, New York, New York,? one zero one zero seven\./],
    ['Meet me at 77 NE Lake Blvd tomorrow.', /seventy-seven Northeast Lake Boulevard tomorrow/],
    ['She lives at 1903 Orchard Rd in the suburbs.', /nineteen oh three Orchard Road in the suburbs/],
    ['The shop at 412 S 3rd st closed.', /four twelve South third Street closed/],
    ['He moved to 88 Harbor Expy, Tampa, FL.', /eighty-eight Harbor Expressway, Tampa, Florida\./],
    ['The embassy is at 2300 Wisconsin Ave NW today.', /twenty-three hundred Wisconsin Avenue Northwest today/],
    ['Mail goes to 455 Pine St, Ste 210, Boise, ID 83702.', /four fifty-five Pine Street, suite two hundred ten, Boise, Idaho,? eight three seven zero two\./],
    ['They rent 31 Bay Rd Apt 2C, Reno, NV.', /thirty-one Bay Road apartment two C, Reno, Nevada\./],
  ])('%s', (input, expected) => {
    expect(say(input, us)).toMatch(expected);
  });

  it('keeps the sentence end after an abbreviated street type and not inside the sentence', () => {
    expect(say('They rented a flat on 620 Cedar St. The rent was high.', us)).toMatch(/six twenty Cedar Street\. The rent/);
    expect(say('He stayed at 620 Cedar St. 3 nights in a row.', us)).toMatch(/six twenty Cedar Street three nights/);
  });

  it('expands a compass letter before a street name without a house number', () => {
    expect(say('Traffic is heavy on W Oak Dr this morning.', us)).toMatch(/on West Oak Drive this morning/);
  });

  it('says a state after a city when a ZIP code or the clause end follows, but leaves titles after names alone', () => {
    expect(say('The plant in Fremont, CA employs 900 people.', us)).not.toMatch(/California employs/);
    expect(say('She grew up in Fresno, CA.', us)).toMatch(/Fresno, California\./);
    expect(say('Jane Roe, MD, signed the letter.', us)).not.toMatch(/Maryland/);
    expect(say('Write to Box 12, Salem, OR 97301.', us)).toMatch(/Salem, Oregon,? nine seven three zero one/);
  });

  it('does not take a plural noun and a verb for a street', () => {
    expect(say('The 123 Marines walk home.', us)).toMatch(/one hundred twenty-three Marines walk home/);
  });

  it('reads a year, not a house number, after a word that introduces a year or an article', () => {
    expect(say('In 2005 Main Street shops closed early.', us)).toMatch(/In two thousand five Main Street/);
    expect(say('The 2008 Wall Street crash hurt savers.', us)).toMatch(/The two thousand eight Wall Street crash/);
  });
});

describe('telephone numbers', () => {
  it.each([
    ['For tickets call (212) 555-0187 today.', /call two one two, five five five, zero one eight seven today/],
    ['The hotline is 800-555-0199.', /eight zero zero, five five five, zero one nine nine\./],
    ['Dial 617.555.0144 for the desk.', /six one seven, five five five, zero one four four for/],
    ['Reach us on +44 161 496 0321 any time.', /plus four four, one six one, four nine six, zero three two one any time/],
    ['Ring 555-0123 after six.', /five five five, zero one two three after/],
  ])('%s', (input, expected) => {
    const spoken = say(input, us);
    expect(spoken).toMatch(expected);
    expect(spoken).not.toMatch(/ to |thousand|hundred/);
  });

  it('reads a short service number digit by digit after "call" or "dial"', () => {
    expect(say('In an emergency, dial 999.', us)).toMatch(/dial nine nine nine\./);
    expect(say('Residents can call 311, the city said.', us)).toMatch(/call three one one, the city/);
    expect(say('They had to call 300 people.', us)).toMatch(/call three hundred people/);
  });

  it('still reads a range of round numbers as a range', () => {
    expect(say('Crowds of 300-5000 were reported.', us)).toMatch(/three hundred to five thousand/);
  });
});

describe('web and e-mail addresses', () => {
  it.each([
    ['Send tips to news.desk@example.org today.', /news dot desk at example dot org today/],
    ['Full results are at https://www.example.com/results.', /at example dot com slash results\./],
    ['The form is on example.gov.uk/apply-now now.', /example dot gov dot U K slash apply now now/],
    ['See http://data.example.net/v2/stats?page=3#top for details.', /data dot example dot net slash V two slash stats for details/],
    ['Visit Example.com.', /Visit example dot com\./],
  ])('%s', (input, expected) => {
    const spoken = say(input, us);
    expect(spoken).toMatch(expected);
    expect(spoken).not.toMatch(/https?|colon|www|:\/\//i);
  });

  it('drops the scheme for a voice of another language too', () => {
    const spoken = say('Mehr unter https://www.example.de/wetter heute.', { language: 'de' });
    expect(spoken).toMatch(/example\.de\/wetter heute/);
    expect(spoken).not.toMatch(/https|www/);
  });

  it('leaves abbreviations with stops alone', () => {
    expect(say('The U.S. and e.g. the U.K. agreed.', us)).toMatch(/The U S and for example the U K agreed/);
  });
});
