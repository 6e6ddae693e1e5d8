import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../src/publish/manifest.js';

/** One item of a test feed. */
export interface TestItem {
  guid: string;
  title: string;
  link: string;
  /** The story's text, one paragraph. */
  text: string;
}

const places = ['Ashford', 'Brampton', 'Carlow', 'Dunmore', 'Eastleigh', 'Fenwick', 'Glenrock', 'Hartley', 'Ivybridge', 'Jarrow'];
const things = ['bridge', 'library', 'market', 'ferry', 'school', 'park', 'clinic', 'station', 'harbour', 'museum'];

/** `count` short, distinct stories `prefix-1` … whose links are under `site`. */
export function testItems(prefix: string, count: number, site = 'https://news.test'): TestItem[] {
  return Array.from({ length: count }, (_, index) => {
    const place = places[index % places.length]!;
    const thing = things[Math.floor(index / places.length) % things.length]!;
    const title = `${place} ${thing} ${prefix} story ${index + 1}`;
    return { guid: `${prefix}-${index + 1}`, title, link: `${site}/${prefix}/${index + 1}`, text: `The ${thing} in ${place} opened again on Monday.` };
  });
}

/** An RSS 2.0 feed of `items`, each with its text in `content:encoded`. */
export function rssFeed(title: string, items: readonly TestItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><guid isPermaLink="false">${item.guid}</guid><link>${item.link}</link>` +
        `<content:encoded><![CDATA[<p>${item.text}</p>]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>https://news.test/</link><description>Test feed</description>\n${entries}\n</channel></rss>\n`;
}

/** The episode folders (`YYYY-MM-DD-…`) of an output folder, sorted. */
export async function episodeFolders(output: string): Promise<string[]> {
  return (await readdir(output)).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name)).sort();
}

/** The manifest of an episode folder. */
export async function manifestOf(directory: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as Manifest;
}

/** The guids of the stories recorded in an output folder's state file. */
export async function rememberedGuids(output: string): Promise<string[]> {
  const state = JSON.parse(await readFile(join(output, '.briefing-state.json'), 'utf8')) as { stories: { guid?: string }[] };
  return state.stories.flatMap((story) => (story.guid ? [story.guid] : [])).sort();
}

/** The guids and enclosure folders of a feed's items, in order. */
export function feedItems(xml: string): { guid: string; folder: string }[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    guid: /<guid[^>]*>([^<]+)<\/guid>/.exec(item!)?.[1] ?? '',
    folder: /<enclosure url="[^"]*\/([^/"]+)\/episode\.mp3"/.exec(item!)?.[1] ?? '',
  }));
}
