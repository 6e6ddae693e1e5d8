import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeStaging } from '../../src/pipeline/episode-folder.js';
import { removeStaleStaging, UNOWNED_STAGING_STALE_MS } from '../../src/pipeline/stale-staging.js';
import { STAGING_OWNER_FILE } from '../../src/pipeline/staging-owner.js';

let output: string;
beforeEach(async () => {
  output = await mkdtemp(join(tmpdir(), 'briefing-staging-'));
});
afterEach(async () => {
  await rm(output, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

/** A process that runs until killed. */
function liveProcess() {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

async function stagingFolder(name: string, owner?: { pid: number; host?: string }): Promise<void> {
  await mkdir(join(output, name));
  await writeFile(join(output, name, 'narration.wav'), 'RIFF');
  if (owner) await writeFile(join(output, name, STAGING_OWNER_FILE), JSON.stringify({ pid: owner.pid, host: owner.host ?? hostname(), startedAt: new Date().toISOString() }));
}

describe('removeStaleStaging', () => {
  it('removes staging folders and temporary files of dead builds, and nothing of live ones', async () => {
    const dead = await deadPid();
    const live = liveProcess();
    try {
      await stagingFolder(`.2026-11-29-a.partial-${dead}-0a1b2c3d`, { pid: dead });
      await stagingFolder(`.2026-11-29-b.partial-${dead}-0a1b2c3e`);
      await stagingFolder(`.2026-11-29-c.partial-${live.pid}-0a1b2c3f`, { pid: live.pid! });
      await stagingFolder(`.2026-11-29-d.partial-${dead}-0a1b2c40`, { pid: dead, host: 'another-machine' });
      await stagingFolder(`.2026-11-29-e.partial-${process.pid}-0a1b2c41`, { pid: process.pid });
      await stagingFolder('.2026-11-29-f.partial-0a1b2c42');
      await stagingFolder('.2026-11-29-g.partial-0a1b2c43');
      const old = new Date(Date.now() - UNOWNED_STAGING_STALE_MS - 60_000);
      await utimes(join(output, '.2026-11-29-g.partial-0a1b2c43'), old, old);
      await writeFile(join(output, `.feed.xml.${dead}.0a1b2c3d.tmp`), '<rss');
      await writeFile(join(output, `.feed.xml.${live.pid}.0a1b2c3d.tmp`), '<rss');
      await mkdir(join(output, '2026-11-29-briefing'));

      const removed = await removeStaleStaging(output);
      expect(removed.sort()).toEqual([`.2026-11-29-a.partial-${dead}-0a1b2c3d`, `.2026-11-29-b.partial-${dead}-0a1b2c3e`, '.2026-11-29-g.partial-0a1b2c43', `.feed.xml.${dead}.0a1b2c3d.tmp`].sort());
      expect((await readdir(output)).sort()).toEqual(
        [
          `.2026-11-29-c.partial-${live.pid}-0a1b2c3f`,
          `.2026-11-29-d.partial-${dead}-0a1b2c40`,
          `.2026-11-29-e.partial-${process.pid}-0a1b2c41`,
          '.2026-11-29-f.partial-0a1b2c42',
          `.feed.xml.${live.pid}.0a1b2c3d.tmp`,
          '2026-11-29-briefing',
        ].sort(),
      );
    } finally {
      live.kill();
    }
  });

  it('is quiet about an output folder that does not exist yet', async () => {
    expect(await removeStaleStaging(join(output, 'not-yet'))).toEqual([]);
  });
});

async function stage(name: string, contentHash: string, words: string): Promise<EpisodeStaging> {
  const staging = await EpisodeStaging.create(output, name);
  await writeFile(staging.file('episode.mp3'), words);
  await writeFile(staging.file('manifest.json'), JSON.stringify({ title: name, contentHash }));
  return staging;
}

describe('EpisodeStaging', () => {
  it('marks its staging folder with its owner, and commits without the mark', async () => {
    const staging = await stage('2026-11-29-briefing', 'aaaa', 'one');
    const owner = JSON.parse(await readFile(staging.file(STAGING_OWNER_FILE), 'utf8')) as { pid: number; host: string };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    const directory = await staging.commit('aaaa');
    expect(directory).toBe(join(output, '2026-11-29-briefing'));
    expect((await readdir(directory)).sort()).toEqual(['episode.mp3', 'manifest.json']);
    expect(await readdir(output)).toEqual(['2026-11-29-briefing']);
  });

  it('gives another episode of the same name the next free suffix, and replaces only an episode of the same content', async () => {
    const first = await (await stage('2026-11-29-briefing', 'aaaa', 'first')).commit('aaaa');
    const second = await (await stage('2026-11-29-briefing', 'bbbb', 'second')).commit('bbbb');
    expect(second).toBe(`${first}-2`);
    const again = await (await stage('2026-11-29-briefing', 'bbbb', 'second, again')).commit('bbbb');
    expect(again).toBe(second);
    expect(await readFile(join(second, 'episode.mp3'), 'utf8')).toBe('second, again');
    expect(await readFile(join(first, 'episode.mp3'), 'utf8')).toBe('first');

    // A folder whose manifest records no content hash (or is not an episode) is never replaced.
    await mkdir(join(output, '2026-11-29-notes'));
    await writeFile(join(output, '2026-11-29-notes', 'manifest.json'), JSON.stringify({ title: 'older' }));
    expect(await (await stage('2026-11-29-notes', 'cccc', 'notes')).commit('cccc')).toBe(join(output, '2026-11-29-notes-2'));
    expect(JSON.parse(await readFile(join(output, '2026-11-29-notes', 'manifest.json'), 'utf8'))).toEqual({ title: 'older' });
  });

  it('gives builds committing at the same time a folder each', async () => {
    const stagings = await Promise.all(['h1', 'h2', 'h3', 'h4', 'h5'].map((hash) => stage('2026-11-29-briefing', hash, hash)));
    const folders = await Promise.all(stagings.map((staging, index) => staging.commit(`h${index + 1}`)));
    expect(new Set(folders).size).toBe(5);
    for (const [index, directory] of folders.entries()) expect(await readFile(join(directory, 'episode.mp3'), 'utf8')).toBe(`h${index + 1}`);
    expect((await readdir(output)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
