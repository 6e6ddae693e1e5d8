import { describe, expect, it } from 'vitest';
import { say } from './helpers.js';

describe('money', () => {
  it.each([
    ['The club paid €75 million for him.', /seventy-five million euros/i],
    ['The fund holds $2.4 trillion.', /two point four trillion dollars/i],
    ['The deal is worth £3bn.', /three billion pounds/i],
    ['Losses reached $410m last year.', /four hundred ten million dollars/i],
    ['Fines of €2.5-3 million were set.', /two point five to three million euros/i],
    ['A coffee costs €3.20 here.', /three euros (and )?twenty( cents)?/i],
    ['The fee is $1 per page.', /one dollar per page/i],
    ['Stamps cost £1 each.', /one pound each/i],
    ['Entry is $10.', /ten dollars\./i],
    ['A bun costs 60p.', /sixty pence/i],
    ['Gum costs 75c.', /seventy-five cents/i],
    ['The ticket costs 12,90 zł at the door.', /twelve zloty (and )?ninety( groszy)?/i],
    ['They raised US$40 million.', /forty million us dollars/i],
    ['A 20 EUR fine applies.', /twenty euros? fine/i],
    ['It cost just €0.99.', /ninety-nine cents/i],
    ['Bonuses of £10k were paid.', /ten thousand pounds/i],
    ['He found a $50 note.', /fifty[ -]dollars? note/i],
    ['Budgets range from $5-8 billion.', /five to eight billion dollars/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});

describe('percentages', () => {
  it.each([
    ['Turnout fell 3.5% in the north.', /three point five percent in/i],
    ['Only 41 % voted yes.', /forty-one percent voted/i],
    ['Rates rose by 0.25%.', /zero point two five percent/i],
    ['Unemployment stands at 12 per cent.', /twelve per cent/i],
    ['Support fell 2pp in a month.', /two percentage points/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });
});

describe('units', () => {
  it.each([
    ['Winds reached 110 mph on the coast.', /one hundred ten miles per hour/i],
    ['The route is 42 km long.', /forty-two kilometres long/i],
    ['The parcel weighed 3kg.', /three kilograms/i],
    ['The wave was 9 ft high.', /nine feet high/i],
    ['Snow lay 40 cm deep.', /forty centimetres deep/i],
    ['Add 250g of sugar.', /two hundred fifty grams/i],
    ['The limit is 30 km/h in town.', /thirty kilometres per hour/i],
    ['He won the 200m final.', /two hundred metres final/i],
    ['The wall is 4m high.', /four metres high/i],
    ['It reached 31°C in Madrid.', /thirty-one degrees celsius/i],
    ['Lows of 14°F are forecast.', /fourteen degrees fahrenheit/i],
    ['The fire covered 12 sq km.', /twelve square kilometres/i],
    ['The lake covers 5 km² of land.', /five square kilometres/i],
    ['The cable is 1 km long.', /one kilometre long/i],
    ['The ice was 0.8 metres thick.', /zero point eight metres thick/i],
    ['The flood left 2m people homeless.', /two million people/i],
    ['The plant produces 400 MW of power.', /four hundred megawatts/i],
    ['The pump moves 8 l/min at most.', /eight litres per minute at most/i],
    ['Fields yield 5 t/ha in a good year.', /five tonnes per hectare in a good year/i],
    ['She types 40 words/min on average.', /forty words per minute on average/i],
    ['The clinic gives 2 doses/person this winter.', /two doses per person this winter/i],
    ['He rode a 125cc scooter.', /one hundred twenty-five C C scooter/i],
    ['Temperatures hit 30C in London.', /thirty degrees celsius in london/i],
    ['Lows of -5C are forecast.', /minus five degrees celsius are forecast/i],
    ['It will be 1C warmer tomorrow.', /one degree celsius warmer/i],
    ['Leaders pledged to limit warming to 1.5C by 2100.', /one point five degrees celsius by/i],
    ['The 1.5C target is slipping away.', /one point five degrees celsius target/i],
  ])('%s', (input, expected) => {
    expect(say(input)).toMatch(expected);
  });

  it('reads a slash between words as a pause unless a count per a unit comes before it', () => {
    expect(say('Every parent and/or guardian must sign.')).toMatch(/parent and or guardian/i);
    expect(say('Staff of 3 of them/day came.')).not.toMatch(/per/i);
    expect(say('The 8 l was enough.')).not.toMatch(/litre/i);
  });

  it('reads a number and a capital C or F as a temperature only where the weather is near', () => {
    expect(say('Flat 5C is empty.')).not.toMatch(/celsius/i);
    expect(say('Take the 12C bus.')).not.toMatch(/celsius/i);
    expect(say('Room 4F is here.')).not.toMatch(/fahrenheit/i);
  });

  it('does not read "m" as metres when it is money', () => {
    expect(say('Profit was £6m.')).toMatch(/six million pounds/i);
    expect(say('Profit was £6m.')).not.toMatch(/metre/i);
  });
});
