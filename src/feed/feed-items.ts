import { elementAttribute, elementText, type XmlElement } from './feed-xml.js';

/** The guid of a feed item, when it has one. */
export function itemGuid(item: XmlElement): string | undefined {
  const guid = elementText(item.guid)?.trim();
  return guid ? guid : undefined;
}

/** The publication time of a feed item in ms since 1970; `-Infinity` when it has none or an unreadable one. */
export function itemTime(item: XmlElement): number {
  const time = Date.parse(elementText(item.pubDate) ?? '');
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** The episode folder an item's enclosure is in: the path segment before the file name. */
export function itemFolder(item: XmlElement): string | undefined {
  const url = elementAttribute(item.enclosure, 'url');
  if (!url) return undefined;
  try {
    const segments = new URL(url).pathname.split('/');
    const folder = segments.at(-2);
    return folder ? decodeURIComponent(folder) : undefined;
  } catch {
    return undefined;
  }
}

/** Items newest first (stable for equal dates), each guid once (the first wins), at most `keep`. */
export function newestItems(items: readonly XmlElement[], keep: number): XmlElement[] {
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const guid = itemGuid(item);
    if (guid === undefined) return true;
    if (seen.has(guid)) return false;
    seen.add(guid);
    return true;
  });
  return unique
    .map((item, index) => ({ item, index, time: itemTime(item) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, keep)
    .map(({ item }) => item);
}
