import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { segmentArticle } from '../../src/segment/index.js';
import { articleOf } from './article-builder.js';

const STORY = [
  'The county library will open on Sundays from next month, after the council found money in its budget to pay for extra staff at the main branch.',
  'Librarians said Sunday opening had been the most common request in a survey of readers last year, ahead of longer evening hours and a bigger children’s section.',
  'The library will also lend laptops and wireless hotspots to residents who have no internet access at home, starting with a pilot of fifty devices.',
  'Details of the opening hours are published at https://library.example/hours and will be posted at every branch.',
  'Join the volunteers who read to children every Saturday morning, the head librarian told the meeting, to cheers from the public gallery.',
];

/** A WordPress page with caption markup, a caption shortcode, a bare link, a tips line, promos and interface labels. */
const PAGE = `<!doctype html><html lang="en"><head><title>Library to open on Sundays</title>
<meta name="description" content="https://library.example/news/sunday-opening"></head><body>
<article class="post type-post">
<h1>Library to open on Sundays</h1>
<p class="standfirst">https://library.example/news/sunday-opening</p>
<p>${STORY[0]}</p>
<div id="attachment_12" class="wp-caption aligncenter"><img src="reading-room.jpg" alt="">
<p class="wp-caption-text">The reading room of the main branch on a weekday afternoon.</p></div>
<p>${STORY[1]}</p>
<p>[caption id="attachment_13" align="alignright" width="300"]<img src="laptops.jpg"> Laptops ready to lend[/caption]</p>
<p>Caption</p>
<p>Close</p>
<p>${STORY[2]}</p>
<p>https://library.example/news/sunday-opening</p>
<p>${STORY[3]}</p>
<p class="wp-caption-text">The reading room of the main branch on a weekday afternoon.</p>
<p>Readers browse the new shelves at the main branch of the county library on a quiet weekday afternoon. (AP Photo/Jane Doe, File)</p>
<p>${STORY[4]}</p>
<p>[embed]https://video.example/watch/123[/embed]</p>
<p>Have a tip? Sam Reed may be reached at sreed@library-news.example. Follow him on Twitter @samreed.</p>
<p>Get access to Library News Pro for as little as $5 a month. Use the code "READ".</p>
<p>Join LIBRARYPLUS. Members get all of our stories with no paywalls or meters.</p>
<p>Citation: Library to open on Sundays (2026, March 2) retrieved 3 March 2026 from https://library.example/news/sunday-opening</p>
<p>Loading content ...</p>
<p>Text size</p>
</article></body></html>`;

describe('speech hygiene', () => {
  const story = segmentArticle(ingestText(PAGE, 'library.html', 'html').articles[0]!);
  const spoken = story.blocks.filter((block) => block.kind !== 'title').map((block) => block.text);
  const reasons = (text: string): string[] => story.dropped.filter((entry) => entry.text.includes(text)).map((entry) => entry.reason);

  it('reads every paragraph of the story, in order and once, links and “Join” inside sentences included', () => {
    expect(spoken).toEqual(STORY);
  });

  it('drops a standfirst and a paragraph that are only a link', () => {
    expect(story.blocks.some((block) => block.kind === 'standfirst')).toBe(false);
    expect(reasons('https://library.example/news/sunday-opening')).toContain('bare link');
  });

  it('drops captions by their markup, shortcodes and credit lines', () => {
    expect(reasons('The reading room of the main branch')).toEqual(['caption', 'caption']);
    expect(reasons('Laptops ready to lend')).toEqual(['shortcode']);
    expect(reasons('https://video.example/watch/123')).toEqual(['shortcode']);
    expect(reasons('(AP Photo/Jane Doe, File)')).toEqual(['photo caption or credit']);
  });

  it('drops tip lines, promotions, citations and interface labels, each with its reason', () => {
    expect(reasons('Have a tip?')).toEqual(['tips line']);
    expect(reasons('Get access to Library News Pro')).toEqual(['subscription offer']);
    expect(reasons('Join LIBRARYPLUS')).toEqual(['subscription offer']);
    expect(reasons('Citation:')).toEqual(['citation']);
    for (const label of ['Caption', 'Close', 'Loading content ...', 'Text size']) {
      expect(story.dropped).toContainEqual({ text: label, reason: 'interface label' });
    }
  });
});

describe('repeated lines', () => {
  const caption = 'Volunteers stack sandbags along the river wall as the water rises on Friday evening.';

  it('says a line the page repeats once, and lists the repeat', () => {
    const story = segmentArticle(
      articleOf('Flood', ['The river rose all day on Friday and crews worked into the night.', caption, 'The river peaked overnight, a metre below the top of the wall.', caption, caption]),
    );
    expect(story.blocks.filter((block) => block.text === caption)).toHaveLength(1);
    expect(story.dropped).toEqual([
      { text: caption, reason: 'repeated' },
      { text: caption, reason: 'repeated' },
    ]);
  });

  it('keeps the recurring lines of a plan or timetable', () => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'].flatMap((day) => [
      { type: 'heading' as const, text: day, level: 2 },
      'Breakfast: two eggs, one slice of wholegrain toast and a cup of green tea.',
      'Lunch: a bowl of lentil soup with a small salad and a piece of fruit.',
      'Dinner: grilled fish with roasted vegetables and a spoonful of olive oil.',
      'Snack: a handful of almonds and one apple in the middle of the afternoon.',
    ]);
    const story = segmentArticle(articleOf('Meal plan', days));
    expect(story.dropped).toEqual([]);
    expect(story.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(16);
  });
});
