import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runBriefing } from '../helpers/run-cli.js';
import { episodeFolders, feedItems, manifestOf, rememberedGuids, rssFeed, testItems } from '../helpers/feed-files.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

let folder: string;
let cache: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-identity-'));
  cache = join(folder, 'cache');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function feedFile(name: string, items: ReturnType<typeof testItems>): Promise<string> {
  const path = join(folder, `${name}.xml`);
  await writeFile(path, rssFeed(name, items));
  return path;
}

/** Every story guid of the episodes in `output`, sorted. */
async function publishedGuids(output: string): Promise<string[]> {
  const guids: string[] = [];
  for (const name of await episodeFolders(output)) guids.push(...(await manifestOf(join(output, name))).stories.flatMap((story) => (story.guid ? [story.guid] : [])));
  return guids.sort();
}

/** Starts a build as a child process; resolves with its exit code and stderr. */
function startBuild(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'build', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Waits until a hidden staging folder appears in `output` (or the build ends); returns its name. */
async function stagingFolderOf(output: string, running: Promise<unknown>): Promise<string | undefined> {
  let ended = false;
  void running.then(() => (ended = true));
  while (!ended) {
    const staging = existsSync(output) ? (await readdir(output)).find((name) => name.includes('.partial-')) : undefined;
    if (staging) return staging;
    await sleep(20);
  }
  return undefined;
}

describe('two briefings with the same title on the same day', () => {
  it('get a folder and a feed item each, and the state file records exactly the stories published', async () => {
    const output = join(folder, 'two-feeds');
    const feedA = await feedFile('alpha', testItems('alpha', 3));
    const feedB = await feedFile('bravo', testItems('bravo', 3));
    const first = await runBriefing(['build', feedA, '-o', output, '--cache', cache, '-q']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await runBriefing(['build', feedB, '-o', output, '--cache', cache, '-q']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    const folders = await episodeFolders(output);
    expect(folders).toHaveLength(2);
    expect(folders[1]).toBe(`${folders[0]}-2`);
    const manifests = await Promise.all(folders.map((name) => manifestOf(join(output, name))));
    expect(manifests[0]!.title).toBe(manifests[1]!.title);
    expect(manifests.map((manifest) => manifest.stories.map((story) => story.guid))).toEqual([
      ['alpha-1', 'alpha-2', 'alpha-3'],
      ['bravo-1', 'bravo-2', 'bravo-3'],
    ]);

    const items = feedItems(await readFile(join(output, 'feed.xml'), 'utf8'));
    expect(items.map((item) => item.folder).sort()).toEqual(folders);
    expect(new Set(items.map((item) => item.guid)).size).toBe(2);
    expect(await rememberedGuids(output)).toEqual(await publishedGuids(output));
    expect(await publishedGuids(output)).toHaveLength(6);
  });

  it('rebuilding the same article with the same settings replaces its own episode: one folder, one feed item', async () => {
    const output = join(folder, 'rebuild');
    const story = join(folder, 'lifeboat.txt');
    await writeFile(story, SHORT_STORY);
    for (let run = 0; run < 2; run++) {
      const result = await runBriefing(['build', story, '-o', output, '--cache', cache, '-q']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(await episodeFolders(output)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}-harbour-town-opens-new-lifeboat-station$/)]);
    expect(feedItems(await readFile(join(output, 'feed.xml'), 'utf8'))).toHaveLength(1);

    // The same title with other words is another episode, beside the first.
    await writeFile(story, SHORT_STORY.replace('two years of building work', 'three years of building work'));
    expect((await runBriefing(['build', story, '-o', output, '--cache', cache, '-q'])).code).toBe(0);
    const folders = await episodeFolders(output);
    expect(folders).toHaveLength(2);
    expect(feedItems(await readFile(join(output, 'feed.xml'), 'utf8')).map((item) => item.folder).sort()).toEqual(folders);
  });

  it('from two builds running at once on one output folder are both published, each once', async () => {
    const output = join(folder, 'concurrent');
    const feedA = await feedFile('charlie', testItems('charlie', 6));
    const feedB = await feedFile('delta', testItems('delta', 2));
    const slow = startBuild([feedA, '-o', output, '--no-cache', '--jobs', '1']);
    // The second build starts while the first is synthesizing: it must not take the first one's staging folder for stale.
    expect(await stagingFolderOf(output, slow.done)).toBeDefined();
    const fast = startBuild([feedB, '-o', output, '--no-cache', '--jobs', '1']);
    const [a, b] = await Promise.all([slow.done, fast.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);

    const folders = await episodeFolders(output);
    expect(folders).toHaveLength(2);
    const items = feedItems(await readFile(join(output, 'feed.xml'), 'utf8'));
    expect(items.map((item) => item.folder).sort()).toEqual(folders);
    expect(new Set(items.map((item) => item.guid)).size).toBe(2);
    expect(await publishedGuids(output)).toEqual([...testItems('charlie', 6), ...testItems('delta', 2)].map((item) => item.guid).sort());
    expect(await rememberedGuids(output)).toEqual(await publishedGuids(output));
    expect((await readdir(output)).filter((name) => name.startsWith('.') && name !== '.briefing-state.json')).toEqual([]);
  });
});

describe('a mirror feed that repeats the links under new guids', () => {
  it('brings nothing new; only its own stories are briefed', async () => {
    const output = join(folder, 'mirror');
    const original = testItems('echo', 3);
    const feed = await feedFile('echo', original);
    expect((await runBriefing(['build', feed, '-o', output, '--cache', cache, '-q'])).code).toBe(0);

    const mirrored = original.map((item) => ({ ...item, guid: `mirror-${item.guid}`, link: item.link.replace('https://', 'http://www.') + '?utm_source=mirror' }));
    const mirror = await feedFile('echo-mirror', mirrored);
    const again = await runBriefing(['build', mirror, '-o', output, '--cache', cache]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing new: 3 stories were briefed before/);
    expect(await episodeFolders(output)).toHaveLength(1);

    const fresh = testItems('foxtrot', 1)[0]!;
    await writeFile(mirror, rssFeed('echo-mirror', [fresh, ...mirrored]));
    const next = await runBriefing(['build', mirror, '-o', output, '--cache', cache, '--json']);
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as { stories: { guid?: string }[] }).stories.map((story) => story.guid)).toEqual([fresh.guid]);
  });
});

describe('a build killed with SIGKILL', () => {
  it('leaves a staging folder that the next build into the same output folder removes', async () => {
    const output = join(folder, 'killed');
    const long = join(folder, 'long.txt');
    const paragraphs = Array.from({ length: 30 }, (_, index) => `Paragraph ${index + 1} of the report describes the repairs to the sea wall in some detail.`);
    await writeFile(long, `A long report on the sea wall\n\n${paragraphs.join('\n\n')}\n`);
    const build = startBuild([long, '-o', output, '--no-cache', '--jobs', '1']);
    const staging = await stagingFolderOf(output, build.done);
    expect(staging).toBeDefined();
    build.child.kill('SIGKILL');
    expect((await build.done).signal).toBe('SIGKILL');
    expect(await readdir(output)).toContain(staging);

    const story = join(folder, 'after-kill.txt');
    await writeFile(story, SHORT_STORY);
    const next = await runBriefing(['build', story, '-o', output, '--cache', cache, '-q']);
    expect(next.code).toBe(0);
    const left = await readdir(output);
    expect(left.filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(await episodeFolders(output)).toHaveLength(1);
  });
});

describe('a broken feed.xml or state file', () => {
  it.each([
    ['feed.xml', '<rss><channel><item><title>Cut off', /feed\.xml: not well-formed XML/],
    ['feed.xml', '<html><body>not a feed</body></html>', /feed\.xml: not an RSS feed/],
    ['.briefing-state.json', '{ "version": 1, "stories": [', /\.briefing-state\.json: not a briefing state file/],
  ])('%s holding %j stops the build before any synthesis', async (file, content, message) => {
    const output = await mkdtemp(join(folder, 'broken-'));
    const ownCache = join(output, '..', `${output.split('/').at(-1)}-cache`);
    await writeFile(join(output, file), content);
    const story = join(folder, 'broken-input.txt');
    await writeFile(story, SHORT_STORY);
    const run = await runBriefing(['build', story, '-o', output, '--cache', ownCache]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(join(output, file));
    expect(await readdir(output)).toEqual([file]);
    expect(await readFile(join(output, file), 'utf8')).toBe(content);
    expect(existsSync(ownCache)).toBe(false);
  });
});

describe('a long feed', () => {
  it('gives 12 stories by default, and the intro reads 5 headlines and counts the rest', async () => {
    const output = join(folder, 'long-feed');
    const items = testItems('golf', 30);
    const feed = await feedFile('golf', items);
    const run = await runBriefing(['build', feed, '-o', output, '--cache', cache, '--json']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { stories: { guid?: string }[]; blocks: { kind: string; text: string }[]; warnings: { code: string; message: string }[] };
    expect(manifest.stories.map((story) => story.guid)).toEqual(items.slice(0, 12).map((item) => item.guid));
    expect(manifest.warnings.find((warning) => warning.code === 'INPUT_STORY_LIMIT')?.message).toMatch(/18 more stories wait for the next briefing/);
    const intro = manifest.blocks.find((block) => block.kind === 'intro')!.text;
    expect(intro).toContain('In this briefing, 12 stories:');
    for (const item of items.slice(0, 5)) expect(intro).toContain(item.title);
    expect(intro).not.toContain(items[5]!.title);
    expect(intro).toMatch(/and 7 more\.$/);
    // The stories left out wait for the next briefing.
    expect(await rememberedGuids(output)).toEqual(items.slice(0, 12).map((item) => item.guid).sort());

    const next = await runBriefing(['build', feed, '-o', output, '--cache', cache, '--json', '--max-stories', '3', '--max-headlines', '1']);
    expect(next.code).toBe(0);
    const second = JSON.parse(next.stdout) as typeof manifest;
    expect(second.stories.map((story) => story.guid)).toEqual(items.slice(12, 15).map((item) => item.guid));
    expect(second.blocks.find((block) => block.kind === 'intro')!.text).toMatch(new RegExp(`In this briefing, 3 stories: ${items[12]!.title}; and 2 more\\.$`));
  });

  it('takes the limits from the config file', async () => {
    const output = join(folder, 'configured');
    const config = join(folder, 'limits.config.json');
    await writeFile(config, JSON.stringify({ maxStories: 2, maxHeadlines: 0 }));
    const feed = await feedFile('hotel', testItems('hotel', 4));
    const run = await runBriefing(['build', feed, '-o', output, '--cache', cache, '--json', '--config', config]);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { stories: unknown[]; blocks: { kind: string; text: string }[] };
    expect(manifest.stories).toHaveLength(2);
    expect(manifest.blocks.find((block) => block.kind === 'intro')!.text).toMatch(/In this briefing, 2 stories\.$/);
  });
});
