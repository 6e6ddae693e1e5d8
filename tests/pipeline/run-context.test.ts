import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBriefing } from '../../src/pipeline/prepare-briefing.js';
import { RunContext, type RunWarning } from '../../src/platform/run-context.js';
import { createToneEngine } from '../helpers/tone-engine.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-run-context-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the run context of a briefing', () => {
  it('gathers every stage’s warnings once, in pipeline order, as they are raised', async () => {
    const story = join(folder, 'bridge.md');
    const text = new TextEncoder().encode(
      '# Bridge talks end\n\nTalks began on 03/04/2021 and ended on 05/06/2021, the council said.\n\n' +
        'The mayor said “we will build it whatever happens. Work starts in spring.\n\n' +
        'She added, “It will carry 4,000 cars a day,” and left.\n',
    );
    await writeFile(story, new Uint8Array([...text.slice(0, 20), 0xff, ...text.slice(20)]));
    const headline = join(folder, 'headline.md');
    await writeFile(headline, '# Just a headline\n');

    const heard: RunWarning[] = [];
    const context = new RunContext({ onWarning: (warning) => heard.push(warning) });
    const prepared = await prepareBriefing({ inputs: [story, headline], engine: createToneEngine(), context, now: () => new Date('2026-03-02T07:00:00Z') });

    expect(prepared.context).toBe(context);
    const warnings = context.warnings;
    expect(heard).toEqual(warnings);
    const codes = warnings.map((warning) => [warning.stage, warning.code]);
    expect(codes).toEqual([
      ['ingest', 'INPUT_INVALID_UTF8'],
      ['segment', 'SEGMENT_UNCLOSED_QUOTE'],
      ['segment', 'INPUT_NO_ARTICLE_TEXT'],
      ['normalize', 'DATE_ORDER_GUESSED'],
    ]);
    expect(new Set(warnings.map((warning) => JSON.stringify(warning))).size).toBe(warnings.length);
    expect(warnings.find((warning) => warning.code === 'INPUT_NO_ARTICLE_TEXT')?.source).toBe(headline);
  });

  it('makes a context of its own when none is given', async () => {
    const story = join(folder, 'plain.md');
    await writeFile(story, '# Plain story\n\nNothing odd here at all.\n');
    const prepared = await prepareBriefing({ inputs: [story], engine: createToneEngine() });
    expect(prepared.context).toBeInstanceOf(RunContext);
    expect(prepared.context.warnings).toEqual([]);
  });
});
