import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../../src/ingest/article.js';
import { RunContext } from '../../src/platform/run-context.js';
import { segmentArticle } from '../../src/segment/index.js';
import type { NarrationBlock, TextRun } from '../../src/segment/narration-block.js';
import { articleOf } from './article-builder.js';

function blocksOf(...body: (string | BodyNode)[]): NarrationBlock[] {
  return segmentArticle(articleOf('Test story', body)).blocks.slice(1);
}

function quotes(block: NarrationBlock): TextRun[] {
  return block.sentences.flatMap((sentence) => sentence.runs).filter((run) => run.quote);
}

function quoteSummary(block: NarrationBlock): [string, string | undefined][] {
  return quotes(block).map((run) => [run.text, run.speaker]);
}

describe('quoted speech', () => {
  it('marks curly-quoted speech, without its quotation marks, and keeps the marks in the sentence', () => {
    const [block] = blocksOf('“We will rebuild,” said Mayor Ana Ruiz.');
    expect(quoteSummary(block!)).toEqual([['We will rebuild,', 'Ana Ruiz']]);
    const sentence = block!.sentences[0]!;
    expect(sentence.text).toBe('“We will rebuild,” said Mayor Ana Ruiz.');
    expect(sentence.runs.map((run) => run.text).join('')).toBe(sentence.text);
  });

  it('marks a partial quote inside a sentence', () => {
    const [block] = blocksOf('Critics said the timetable looked "optimistic", and the board agreed.');
    expect(quotes(block!).map((run) => run.text)).toEqual(['optimistic']);
  });

  it('marks both halves of a quote broken by its attribution', () => {
    const [block] = blocksOf('"It was hard," Ms Chen Li said. "But we managed."');
    expect(quoteSummary(block!)).toEqual([
      ['It was hard,', 'Chen Li'],
      ['But we managed.', 'Chen Li'],
    ]);
  });

  it('reads British single quotation marks as quotes', () => {
    const [block] = blocksOf("'We will appeal,' said club chairman Peter Lowe. 'The decision is wrong.'");
    expect(quoteSummary(block!)).toEqual([
      ['We will appeal,', 'Peter Lowe'],
      ['The decision is wrong.', 'Peter Lowe'],
    ]);
  });

  it('never takes an apostrophe for a quotation mark', () => {
    const [block] = blocksOf(
      "It's the North's view that the 1980s' debts, rock 'n' roll, the '90s and 5 o'clock tea matter, and the players' union agreed.",
    );
    expect(quotes(block!)).toEqual([]);
    const [curly] = blocksOf('It’s the North’s view that the 1980s’ debts and rock ’n’ roll matter.');
    expect(quotes(curly!)).toEqual([]);
  });

  it('keeps apostrophes inside single-quoted speech', () => {
    const [block] = blocksOf("'It's the Joneses' house, and it's ours now,' she said.");
    expect(quotes(block!).map((run) => run.text)).toEqual(["It's the Joneses' house, and it's ours now,"]);
  });

  it('reads guillemets and low-high quotation marks', () => {
    const [french] = blocksOf('«Nous sommes prêts», a déclaré Marie Dubois.');
    expect(quotes(french!).map((run) => run.text)).toEqual(['Nous sommes prêts']);
    const [german] = blocksOf('„Wir sind bereit“, sagte Anna Weber.');
    expect(quotes(german!).map((run) => run.text)).toEqual(['Wir sind bereit']);
  });

  it('marks the quoted runs of a block quote', () => {
    const [block] = blocksOf({ type: 'quote', text: '“We have waited long enough,” said resident Omar Farouk.' });
    expect(block!.kind).toBe('quote');
    expect(quoteSummary(block!)).toEqual([['We have waited long enough,', 'Omar Farouk']]);
  });

  it('carries a quote across paragraphs by the opening-quote convention', () => {
    const blocks = blocksOf(
      '“We started with nothing,” said founder Leila Haddad. “We borrowed a van and a ladder.',
      '“Within a year we had twelve staff.”',
    );
    expect(quoteSummary(blocks[0]!)).toEqual([
      ['We started with nothing,', 'Leila Haddad'],
      ['We borrowed a van and a ladder.', 'Leila Haddad'],
    ]);
    expect(quoteSummary(blocks[1]!)).toEqual([['Within a year we had twelve staff.', 'Leila Haddad']]);
  });

  it('never lets an unclosed quote run past its paragraph', () => {
    const context = new RunContext();
    const story = segmentArticle(
      articleOf('Mayor defends plan', [
        'The leader called the plan "a list of hopes and nothing more.',
        'Council tax will rise by 3% in April.',
      ]),
      { context },
    );
    const [, first, second] = story.blocks;
    expect(quotes(first!).map((run) => run.text)).toEqual(['a list of hopes and nothing more.']);
    expect(quotes(second!)).toEqual([]);
    expect(context.warnings.map((warning) => [warning.stage, warning.code])).toContainEqual(['segment', 'SEGMENT_UNCLOSED_QUOTE']);
  });

  it('ends an unclosed quote before its attribution', () => {
    const [block] = blocksOf('"The budget protects the services people use, the mayor said on Monday.');
    expect(quotes(block!).map((run) => run.text)).toEqual(['The budget protects the services people use']);
  });

  it('speaks every word of unbalanced quotes', () => {
    const text = "She added: 'We will vote against it. And \"again next year.";
    const [block] = blocksOf(text);
    expect(block!.sentences.map((sentence) => sentence.text).join(' ')).toBe(text);
  });
});

describe('speakers', () => {
  it.each([
    ['"No comment," Finance Minister Jan Berg told reporters.', 'Jan Berg'],
    ['"Prices will rise," said Mr Hamid Karimi, an economist at Delta Bank.', 'Hamid Karimi'],
    ['"Why now?" asked Ruth Adler.', 'Ruth Adler'],
    ['Olu Bankole admitted: "We got it wrong."', 'Olu Bankole'],
    ['"Keep away from the cliffs," warned coastguard officer Ben Tait.', 'Ben Tait'],
    ['Priya Shah, who runs the bakery, said: "Trade has doubled."', 'Priya Shah'],
    ['The plan is "dead in the water", according to Senator Maria Lopez.', 'Maria Lopez'],
    ['"It was the right call," said head coach Sam de Jong.', 'Sam de Jong'],
    ['Council leader Dr. Ifeoma Obi said the vote was "a turning point".', 'Ifeoma Obi'],
    ['"We explained it twice," explained Prof. Lena Hart, who led the study.', 'Lena Hart'],
  ])('%s -> %s', (text, speaker) => {
    const [block] = blocksOf(text);
    const runs = quotes(block!);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.speaker).toBe(speaker);
  });

  it.each([
    ['"Services resume on Monday," the Ferry Company said.'],
    ['Mr Kim "left at dawn", the official news agency reported.'],
    ['Analysts at Norland Bank said the target looked "ambitious".'],
    ['A spokeswoman for the operator said the line was closed. "We are sorry," she said.'],
    ['Breakfast is included, which the owner calls "our best advert".'],
  ])('leaves %s without a person speaker', (text) => {
    const [block] = blocksOf(text);
    const runs = quotes(block!);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.speaker).toBeUndefined();
  });

  it('resolves a pronoun to the last person named', () => {
    const [block] = blocksOf('Coach Dana Reid said training starts in May. “We need more volunteers,” she said. “Anyone can help.”');
    expect(quoteSummary(block!)).toEqual([
      ['We need more volunteers,', 'Dana Reid'],
      ['Anyone can help.', 'Dana Reid'],
    ]);
  });

  it('resolves a pronoun to a person introduced by title at the start of a sentence', () => {
    const [block] = blocksOf('Councillor Raj Patel, who chairs the committee, welcomed it. "A good day," he said.');
    expect(quoteSummary(block!)).toEqual([['A good day,', 'Raj Patel']]);
  });

  it('resolves a surname and a role to the person named earlier', () => {
    const blocks = blocksOf(
      '"Two arrests were made," said Inspector Carl Berg.',
      'Berg added that "more arrests are likely".',
      '"It is only a start," said the inspector.',
    );
    expect(quoteSummary(blocks[1]!)).toEqual([['more arrests are likely', 'Carl Berg']]);
    expect(quoteSummary(blocks[2]!)).toEqual([['It is only a start,', 'Carl Berg']]);
  });

  it('lets an unattributed quote paragraph inherit the speaker of the one before', () => {
    const blocks = blocksOf(
      '"We expected rain," said farmer Gwen Price.',
      '"Nobody expected this much. The fields are lakes."',
      'The river peaked on Sunday.',
      '"It was frightening."',
    );
    expect(quotes(blocks[1]!).map((run) => run.speaker)).toEqual(['Gwen Price', 'Gwen Price']);
    expect(quotes(blocks[3]!).map((run) => run.speaker)).toEqual([undefined]);
  });

  it('does not carry a speaker over a heading', () => {
    const blocks = blocksOf('"We expected rain," said farmer Gwen Price.', { type: 'heading', text: 'Aftermath', level: 2 }, '"It was frightening."');
    expect(quotes(blocks[2]!).map((run) => run.speaker)).toEqual([undefined]);
  });
});
