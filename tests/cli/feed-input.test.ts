import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

const BODY = 'The council voted on the budget on Monday evening after a long debate about the new library and the harbour wall, both of which need money this year. Members agreed to share the cost between the two.';

/** A feed whose DTD declares entities (never expanded) and uses one in a title. */
const FEED = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY ha "ha"><!ENTITY ha2 "&ha;&ha;">]>
<rss version="2.0"><channel><title>Town news</title><link>http://127.0.0.1/</link><description>News of the town</description>
<item><title>Council &ha2; votes on budget</title><guid>town-1</guid><pubDate>Mon, 02 Mar 2020 10:00:00 GMT</pubDate><description>${BODY}</description></item>
<item><title>Library &undeclared; opens</title><guid>town-2</guid><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate><description>${BODY}</description></item>
</channel></rss>
`;

let folder: string;
let feed: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-feed-input-'));
  feed = join(folder, 'town.xml');
  await writeFile(feed, FEED);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('feeds on the command line', () => {
  it('an entity reference nothing expanded is not spoken', async () => {
    const run = await runBriefing(['ssml', feed]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Council votes on budget/);
    expect(run.stdout).toMatch(/Library opens/);
    expect(run.stdout).not.toMatch(/ha2|undeclared|&/);
  });

  it('--since later than every item: nothing new, exit 0, nothing written', async () => {
    const output = join(folder, 'out');
    const run = await runBriefing(['build', feed, '--since', '2030-01-01', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe('briefing: nothing new: 2 stories were published before 2030-01-01; no new episode');
    expect(existsSync(output)).toBe(false);
  });
});
