import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

const USA = '(u\\.? ?s\\.?|you ess)';

describe('acronyms', () => {
  it.each([
    ['The UK and the US signed it.', new RegExp(`the u\\.? ?k\\.? and the ${USA} signed`, 'i')],
    ['Investigators from the FBI arrived.', /from the f\.? ?b\.? ?i\.? arrived/i],
    ['GDP grew last quarter.', /^g\.? ?d\.? ?p\.? grew/i],
    ['The IMF cut its forecast.', /the i\.? ?m\.? ?f\.? cut/i],
    ['The NHS is under strain.', /the n\.? ?h\.? ?s\.? is/i],
    ['The WHO declared an emergency.', /the w\.? ?h\.? ?o\.? declared/i],
    ['Its CEO resigned.', /its c\.? ?e\.? ?o\.? resigned/i],
    ['NASA launched a probe.', /^nasa launched/i],
    ['OPEC cut output.', /^opec cut/i],
    ['UNICEF sent aid.', /^unicef sent/i],
    ['COVID cases fell.', /^covid cases/i],
    ['UNESCO listed the site.', /^unesco listed/i],
    ['The BBC\'s reporter was there.', /the b\.? ?b\.? ?c\.?'s reporter/i],
    ['NATO\'s leaders met.', /^nato's leaders/i],
    ['Several NGOs objected.', /n\.? ?g\.? ?o'?s objected/i],
    ['The XKCD strip was shared.', /x\.? ?k\.? ?c\.? ?d\.? strip/i],
    ['He studied the U.S. economy.', new RegExp(`the ${USA} economy`, 'i')],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('keeps the lower-case pronoun "us"', () => {
    expect(say('The US warned us.')).toMatch(new RegExp(`the ${USA} warned us\\.`, 'i'));
  });

  it('keeps the full stop when "U.S." ends a sentence', () => {
    expect(say('The talks were held in the U.S. They ended late.')).toMatch(/u s\. They ended/i);
    expect(say('They flew back to the U.S.')).toMatch(/u s\.$/i);
  });

  it('does not spell an ALL-CAPS heading', () => {
    expect(say('FACTORIES SLOW DOWN')).toBe('factories slow down');
    expect(say('WHO WILL PAY')).toMatch(/^who will pay$/i);
  });

  it('still spells a listed acronym inside a heading', () => {
    expect(say('EU TALKS STALL')).toMatch(/^e\.? ?u\.? talks stall$/i);
  });

  it('follows user overrides', () => {
    expect(say('The UN met.', { acronyms: { UN: 'United Nations' } })).toBe('The United Nations met.');
    expect(say('SWAT arrived.', { acronyms: { SWAT: 'word' } })).toBe('swat arrived.');
    expect(say('NATO met.', { acronyms: { NATO: 'spell' } })).toBe('N A T O met.');
  });
});

describe('titles and abbreviations', () => {
  it.each([
    ['Mr Obi thanked the crowd.', /mister obi/i],
    ['Mrs. Dalloway bought flowers.', /missus dalloway/i],
    ['Ms Reyes declined to comment.', /miz reyes/i],
    ['Dr Patel leads the team.', /doctor patel/i],
    ['Prof. Lindqvist disagreed.', /professor lindqvist/i],
    ['Gen. Okoro took command.', /general okoro/i],
    ['Sen. Harris voted no.', /senator harris/i],
    ['Gov. Walz signed the bill.', /governor walz/i],
    ['Lt. Col. Mensah retired.', /lieutenant colonel mensah/i],
    ['Capt. Ruiz docked the ship.', /captain ruiz/i],
    ['Sgt. Cole gave evidence.', /sergeant cole/i],
    ['Martin Luther King Jr. spoke here.', /king junior spoke/i],
    ['The house is on Elm Dr. near the park.', /elm drive near/i],
    ['Crowds filled St. Mark\'s Square.', /saint mark'?s square/i],
    ['The café on Baker St. reopened.', /baker street reopened/i],
    ['It is Spain vs. Italy tonight.', /spain versus italy/i],
    ['Bring pens, paper, etc. to class.', /paper, et cetera to class/i],
    ['Some fruit, e.g. apples, is local.', /for example apples/i],
    ['The capital, i.e. Paris, voted.', /that is paris/i],
    ['The trip takes approx. 4 hours.', /approximately four hours/i],
    ['Smith et al. found the same.', /smith and others found/i],
    ['He lives at No. 7 Quay Road.', /number seven quay road/i],
    ['They ranked #3 in Europe.', /number three in europe/i],
    ['Marks & Spencer reported.', /marks and spencer/i],
    ['Its R&D budget grew.', /r and d budget/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('reads "Mr Kim" as mister even at the start of a sentence', () => {
    expect(say('Mr Lee spoke first.')).toMatch(/^mister lee spoke/i);
  });
});

describe("a politician's party and state, wire style", () => {
  it.each([
    ['Sen. Chuck Schumer, D-N.Y., said the bill would pass.', /Schumer, Democrat of New York, said/],
    ['Rep. Jane Roe (R-Ga.) voted no.', /Roe \(Republican of Georgia\) voted/],
    ['The plan was backed by Sen. Bernie Sanders, I-Vt.', /Sanders, independent of Vermont\.$/],
    ['Sen. Ted Cruz, R-Texas, objected.', /Cruz, Republican of Texas, objected/],
    ['Sen. Joe Manchin, D-W.Va., abstained.', /Manchin, Democrat of West Virginia, abstained/],
    ['Rep. John Doe (D-CA) agreed.', /Doe \(Democrat of California\) agreed/],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('ends the sentence where the abbreviation does, and leaves other letters and hyphens alone', () => {
    expect(say('He met Smith, D-Mass. Then he left.')).toMatch(/Democrat of Massachusetts\. Then he left/);
    expect(say('The I-95 was shut.')).not.toMatch(/independent/);
    expect(say('A D-Day event was held.')).not.toMatch(/Democrat/);
    expect(say('Take exit B, R-Mo road.')).not.toMatch(/Republican/);
  });
});

describe('roman numerals', () => {
  it.each([
    ['He fought in World War I.', /world war one/i],
    ['King Charles III was crowned.', /charles the third/i],
    ['Henry V won at Agincourt.', /henry the fifth/i],
    ['Pope John Paul II visited.', /paul the second/i],
    ['Type II diabetes is rising.', /type two diabetes/i],
    ['Robert Jones IV inherited it.', /jones the fourth/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('leaves the pronoun I and ordinary capitals alone', () => {
    expect(say('I said I would go.')).toBe('I said I would go.');
    expect(say('Plan C and vitamin D were discussed.')).toBe('Plan C and vitamin D were discussed.');
  });
});

describe('everyday words that must stay as written', () => {
  it.each([
    'It\'s the South\'s turn.',
    'They\'ll arrive around midnight.',
    'We can\'t say more.',
    'She may come later.',
    'Let us know.',
  ])('%s', (input) => {
    expect(say(input)).toBe(input);
  });
});

describe('symbols, punctuation and scripts', () => {
  it('keeps prosody punctuation', () => {
    expect(say('Really? Yes, it is; we checked.')).toBe('Really? Yes, it is; we checked.');
  });

  it('keeps ellipses and turns dashes between words into pauses', () => {
    expect(say('Well… maybe.')).toBe('Well... maybe.');
    expect(say('The result — a draw — surprised them.')).toBe('The result, a draw, surprised them.');
    expect(say('Prices rose—sharply.')).toBe('Prices rose, sharply.');
  });

  it('drops emoji and symbols a voice cannot say', () => {
    expect(say('Great news 🎉🎉 for fans ✨!')).toBe('Great news for fans!');
    expect(say('Flag 🇫🇷 waved.')).toBe('Flag waved.');
  });

  it('keeps accented names exactly as written', () => {
    const text = 'Zoë Müller met José Núñez in Łódź and São Paulo.';
    expect(say(text)).toBe(text);
  });

  it('keeps text in other scripts without crashing', () => {
    expect(say('The sign read سلام and 你好.')).toBe('The sign read سلام and 你好.');
  });

  it('reads & and + and @ as words', () => {
    expect(say('Salt & pepper')).toBe('Salt and pepper');
    expect(say('Tea + cake')).toBe('Tea plus cake');
    expect(say('Meet @ noon')).toBe('Meet at noon');
  });

  it('folds curly quotes to plain ones', () => {
    expect(say('“Go,” she said.')).toBe('"Go," she said.');
  });
});

describe('separators', () => {
  it('reads a middle dot or bar between items as a pause', () => {
    expect(say('Published 2 June · 5 min read')).toBe('Published the second of June, five minutes read');
    expect(say('News | Sport')).toBe('News, Sport');
  });
});
