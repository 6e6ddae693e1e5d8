import { describe, expect, it } from 'vitest';
import { RunContext } from '../../src/platform/run-context.js';
import { segmentArticle } from '../../src/segment/index.js';
import { articleOf } from './article-builder.js';

describe('segmentArticle blocks', () => {
  it('orders title, standfirst and body blocks, numbering ids by story', () => {
    const article = articleOf(
      'Bridge reopens after repairs',
      [
        'Traffic returned to the Old Bridge on Monday.',
        { type: 'heading', text: 'What changed', level: 2 },
        { type: 'list-item', text: 'New bearings were fitted.', ordered: false },
        { type: 'quote', text: '“It feels solid,” said driver Tom Ede.' },
      ],
      { standfirst: 'The crossing was shut for nine months.', language: 'en-GB', url: 'https://news.test/bridge', guid: 'bridge-1' },
    );
    const context = new RunContext();
    const story = segmentArticle(article, { storyIndex: 2, context });
    expect(context.warnings).toEqual([]);
    expect(story.blocks.map((block) => [block.id, block.kind])).toEqual([
      ['s2-b0', 'title'],
      ['s2-b1', 'standfirst'],
      ['s2-b2', 'paragraph'],
      ['s2-b3', 'heading'],
      ['s2-b4', 'list-item'],
      ['s2-b5', 'quote'],
    ]);
    expect(story.blocks.every((block) => block.story === 2 && block.language === 'en-GB')).toBe(true);
    expect(story.blocks[3]!.level).toBe(2);
    expect(story).toMatchObject({ title: 'Bridge reopens after repairs', url: 'https://news.test/bridge', guid: 'bridge-1', source: 'test-article.txt' });
  });

  it('uses story 0 by default', () => {
    const story = segmentArticle(articleOf('One', ['Two.']));
    expect(story.blocks.map((block) => block.id)).toEqual(['s0-b0', 's0-b1']);
  });

  it('keeps every sentence as runs that join back to its text', () => {
    const story = segmentArticle(
      articleOf('Quotes “everywhere”', ['“One,” he said. “Two.” Three "four" and \'five\'.', 'It’s «six» o’clock.']),
    );
    for (const block of story.blocks) {
      for (const sentence of block.sentences) expect(sentence.runs.map((run) => run.text).join('')).toBe(sentence.text);
    }
  });

  it('warns when nothing is left after the title', () => {
    const context = new RunContext();
    const story = segmentArticle(articleOf('Only a title', ['Advertisement']), { context });
    expect(story.blocks.map((block) => block.kind)).toEqual(['title']);
    expect(context.warnings.map((warning) => [warning.stage, warning.code])).toEqual([['segment', 'SEGMENT_NO_BODY']]);
  });
});

describe('segmentArticle metadata', () => {
  it('takes the author from a byline and the date from a published line, and reads neither', () => {
    const story = segmentArticle(
      articleOf('Night buses return', [
        'By Rosa Delgado, Transport Correspondent',
        'Published 4 May 2026 · 3 min read',
        'Night buses return to the city on Friday.',
      ]),
    );
    expect(story.author).toBe('Rosa Delgado');
    expect(story.publishedAt).toBe('2026-05-04');
    expect(story.blocks.map((block) => block.text)).toEqual(['Night buses return', 'Night buses return to the city on Friday.']);
    expect(story.dropped.map((entry) => entry.reason)).toEqual(['byline', 'published line']);
  });

  it('keeps the article’s own author and date over byline lines', () => {
    const story = segmentArticle(
      articleOf('Title', ['By Someone Else', 'Updated March 3, 2026', 'Body text here.'], { author: 'Ana Lima', publishedAt: '2026-03-01' }),
    );
    expect(story.author).toBe('Ana Lima');
    expect(story.publishedAt).toBe('2026-03-01');
  });

  it('does not take a sentence starting with "By" for a byline', () => {
    const story = segmentArticle(articleOf('Title', ['By the time the fire crews arrived, the roof had gone.']));
    expect(story.author).toBeUndefined();
    expect(story.blocks).toHaveLength(2);
  });
});

describe('segmentArticle drops', () => {
  it.each([
    ['PHOTO: AFP', 'photo caption or credit'],
    ['Photo: Harbour Board', 'photo caption or credit'],
    ['Picture: Ian Moss/Northern Press', 'photo caption or credit'],
    ['(Photo by Kai Lund/Getty Images)', 'photo caption or credit'],
    ['Crowds on the quay at dawn. Photograph: Elin Berg', 'photo caption or credit'],
    ['![A crane at the dock](img/crane.jpg)', 'image reference'],
    ['img/crane-at-dawn.jpg', 'image reference'],
    ['6 min read', 'reading time'],
    ['Read more: How the harbour was built', 'promotion'],
    ['Related: Port strike enters second week', 'promotion'],
    ['See also: Our harbour timeline', 'promotion'],
    ['Share this article', 'share bar'],
    ['Facebook Twitter Email', 'share bar'],
    ['Sign up for our weekly newsletter', 'newsletter or subscription call'],
    ['Subscribe now for unlimited access', 'newsletter or subscription call'],
    ['Advertisement', 'advertisement'],
    ['ADVERTISEMENT', 'advertisement'],
    ['© 2026 Harbour News Ltd', 'copyright line'],
    ['Copyright 2026 Harbour News. All rights reserved.', 'copyright line'],
    ['(Reporting by Ana Lima; Editing by Joe Bloggs)', 'wire trailer'],
    ['Home › News › Local', 'navigation'],
    ['Skip to main content', 'navigation'],
    ['We use cookies to improve your experience. Accept all cookies', 'cookie banner'],
    ['Follow us on Instagram for more', 'promotion'],
  ])('drops %j (%s)', (text, reason) => {
    const story = segmentArticle(articleOf('Harbour reopens', ['The harbour reopened on Monday.', text]));
    expect(story.blocks.map((block) => block.text)).toEqual(['Harbour reopens', 'The harbour reopened on Monday.']);
    expect(story.dropped).toEqual([{ text, reason }]);
  });

  it.each([
    'Writing by hand is a lost art.',
    'Reporting by the BBC found problems.',
    'Picture by picture, the story emerged.',
    "Join the club's supporters for a march on Saturday.",
    'Get the latest figures from the statistics office.',
    'Copyright lawyers say the ruling is wrong.',
    'Voters chose yes/no/maybe.',
    'Cookies and cakes were served, and guests had to accept the terms.',
    'Posted to Ukraine in 2014, he served two tours.',
    'Updated figures published on 3 March 2026 show a rise.',
    'End',
    'Subscribers will pay more from June.',
    'Sign up rates rose by 4%.',
    'Watch out for ice, police warned.',
    'Related issues were raised at the meeting.',
    'Home secretary Jane Smith said no.',
    'Share prices fell sharply on Monday.',
    'The bleak picture: growth has stalled',
    'By car, the journey takes three hours.',
  ])('keeps story text that only looks like boilerplate: %j', (text) => {
    const story = segmentArticle(articleOf('Harbour reopens', ['The harbour reopened on Monday.', text, 'Last line.']));
    expect(story.dropped).toEqual([]);
    expect(story.blocks).toHaveLength(4);
  });

  it('drops caption nodes and paragraphs repeating the title or standfirst', () => {
    const story = segmentArticle(
      articleOf(
        'Harbour reopens',
        [{ type: 'caption', text: 'A crane at the dock' }, 'Harbour reopens', 'Ships are back.', 'The port is open again.'],
        { standfirst: 'Ships are back.' },
      ),
    );
    expect(story.blocks.map((block) => block.text)).toEqual(['Harbour reopens', 'Ships are back.', 'The port is open again.']);
    expect(story.dropped.map((entry) => entry.reason)).toEqual(['caption', 'repeats the title', 'repeats the standfirst']);
  });

  it('drops a wire trailer glued to the last paragraph and an inline photo credit', () => {
    const story = segmentArticle(
      articleOf('Title', ['The crowd cheered (Photo by Kai Lund) as the ship docked. (Reporting by Ana Lima; Editing by Joe Bloggs)']),
    );
    expect(story.blocks[1]!.text).toBe('The crowd cheered as the ship docked.');
    expect(story.dropped.map((entry) => entry.text)).toEqual(['(Reporting by Ana Lima; Editing by Joe Bloggs)', '(Photo by Kai Lund)']);
  });

  it('drops everything after a press release end mark', () => {
    const story = segmentArticle(
      articleOf('Acme opens plant', ['FOR IMMEDIATE RELEASE', 'Acme opened a plant today.', '###', 'About Acme', 'Acme makes things.', 'Media contact: press@acme.test']),
    );
    expect(story.blocks.map((block) => block.text)).toEqual(['Acme opens plant', 'Acme opened a plant today.']);
    expect(story.dropped.map((entry) => entry.reason)).toEqual([
      'press-release marker',
      'end mark',
      'after the end mark',
      'after the end mark',
      'after the end mark',
    ]);
  });

  it('drops a media contact block without an end mark', () => {
    const story = segmentArticle(
      articleOf('Acme opens plant', ['Acme opened a plant today.', 'Media contact:', 'Jo Bloggs, Head of Press', 'jo@acme.test', '+44 20 7946 0000']),
    );
    expect(story.blocks.map((block) => block.text)).toEqual(['Acme opens plant', 'Acme opened a plant today.']);
    expect(story.dropped).toHaveLength(4);
  });

  it('drops the list under a promotional heading', () => {
    const story = segmentArticle(
      articleOf('Title', [
        'Story text.',
        { type: 'heading', text: 'Related stories', level: 3 },
        { type: 'list-item', text: 'Another story', ordered: false },
        { type: 'list-item', text: 'Yet another story', ordered: false },
        'More story text.',
      ]),
    );
    expect(story.blocks.map((block) => block.text)).toEqual(['Title', 'Story text.', 'More story text.']);
  });
});

describe('segmentArticle datelines', () => {
  it.each([
    ['SEOUL (AFP) – North Korean leaders met on Monday.', 'SEOUL (AFP) –', 'North Korean leaders met on Monday.'],
    ['ROTTERDAM (NWS) - Harbour workers walked out.', 'ROTTERDAM (NWS) -', 'Harbour workers walked out.'],
    ['MANCHESTER, England (AGENCY) — Rain stopped play.', 'MANCHESTER, England (AGENCY) —', 'Rain stopped play.'],
    ['NEW YORK, May 4 (Reuters) - Stocks rose.', 'NEW YORK, May 4 (Reuters) -', 'Stocks rose.'],
    ['WASHINGTON — The Senate voted on Tuesday.', 'WASHINGTON —', 'The Senate voted on Tuesday.'],
  ])('removes the dateline of %j', (paragraph, dateline, text) => {
    const story = segmentArticle(articleOf('Title', [paragraph, 'Second paragraph.']));
    expect(story.blocks[1]!.text).toBe(text);
    expect(story.dropped).toEqual([{ text: dateline, reason: 'dateline' }]);
  });

  it('leaves an all-capitals opening without an agency tag alone after the lede', () => {
    const story = segmentArticle(articleOf('Title', ['First paragraph.', 'NASA – the space agency – said no.']));
    expect(story.blocks[2]!.text).toBe('NASA – the space agency – said no.');
  });
});

describe('segmentArticle plain-text standfirst', () => {
  it('promotes a short deck followed by its repeat as a photo caption', () => {
    const story = segmentArticle(
      articleOf('Storm closes coastal road', [
        'The coast road will stay shut until the weekend.',
        'The coast road will stay shut until the weekend.PHOTO: REUTERS',
        'DOVER (NWS) – Police closed the coast road on Friday after waves breached the sea wall.',
        'Repairs begin on Monday.',
      ]),
    );
    expect(story.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['title', 'Storm closes coastal road'],
      ['standfirst', 'The coast road will stay shut until the weekend.'],
      ['paragraph', 'Police closed the coast road on Friday after waves breached the sea wall.'],
      ['paragraph', 'Repairs begin on Monday.'],
    ]);
    expect(story.dropped.map((entry) => entry.reason)).toEqual(['standfirst repeated as a photo caption', 'dateline']);
  });

  it('does not promote a lede that nothing marks as a deck', () => {
    const story = segmentArticle(articleOf('Library hours', ['The library will open later from January.', '“People like it,” said Jo Hale.']));
    expect(story.blocks.map((block) => block.kind)).toEqual(['title', 'paragraph', 'paragraph']);
  });
});

describe('segmentArticle robustness', () => {
  it('never crashes on emoji, Arabic, CJK and zero-width characters', () => {
    const story = segmentArticle(
      articleOf('Festival 🎉', ['A banner read «Bienvenue» and مرحبا, while a stall sold 抹茶 ice cream.\u200B Tickets cost £12 👍🏽.', '\u200B\u200D']),
    );
    expect(story.blocks.map((block) => block.kind)).toEqual(['title', 'paragraph']);
    expect(story.blocks[1]!.sentences).toHaveLength(2);
  });

  it('handles a 12 KB sentence and a 10 MB article', () => {
    const sentence = `${'the committee reviewed the schedules and "risks, '.repeat(250)}end.`;
    const single = segmentArticle(articleOf('Long', [sentence]));
    expect(single.blocks[1]!.sentences).toHaveLength(1);

    const paragraph =
      '“We are ready,” said Dr. Ana Ruiz, an analyst at the U.S. Bank in St. Paul. Shares rose 6.2% to €18.40 at 9 a.m. on Tuesday. ';
    const body = Array.from({ length: 80_000 }, (_, index) => `${paragraph}Report ${index + 1}.`);
    const story = segmentArticle(articleOf('Huge', body));
    expect(story.blocks).toHaveLength(80_001);
    expect(story.blocks[80_000]!.sentences[0]!.runs[1]).toMatchObject({ quote: true, speaker: 'Ana Ruiz' });
  }, 60_000);
});
