import { describe, expect, it } from 'vitest';
import { RunContext, STAGE_NAMES, type RunWarning } from '../../src/platform/run-context.js';
import { normalizeBlocks } from '../../src/normalize/index.js';
import { segmentArticle } from '../../src/segment/index.js';
import { articleOf } from '../segment/article-builder.js';

describe('RunContext', () => {
  it('keeps warnings in the order they were raised, each with its stage', () => {
    const context = new RunContext();
    context.warn({ stage: 'ingest', code: 'INPUT_NO_TITLE', source: 'a.html', message: 'a.html: no title found; using "a"' });
    context.stage('ssml').warn({ code: 'SSML_UNSUPPORTED', blockId: 's0-b2', message: 'flite: emphasis' });
    context.warn({ stage: 'segment', code: 'SEGMENT_NO_BODY', source: 'b.md', message: 'b.md: nothing to read after the title' });
    expect(context.warnings).toEqual([
      { stage: 'ingest', code: 'INPUT_NO_TITLE', source: 'a.html', message: 'a.html: no title found; using "a"' },
      { stage: 'ssml', code: 'SSML_UNSUPPORTED', blockId: 's0-b2', message: 'flite: emphasis' },
      { stage: 'segment', code: 'SEGMENT_NO_BODY', source: 'b.md', message: 'b.md: nothing to read after the title' },
    ]);
    expect(context.warningsOf('ssml').map((warning) => warning.code)).toEqual(['SSML_UNSUPPORTED']);
  });

  it('records a warning once when the same stage raises it again about the same thing', () => {
    const context = new RunContext();
    const synthesize = context.stage('synthesize');
    synthesize.warn({ code: 'ENGINE_TAG_IGNORED', blockId: 's0-b1', message: 'polly: <lang> ignored' });
    synthesize.warn({ code: 'ENGINE_TAG_IGNORED', blockId: 's0-b1', message: 'polly: <lang> ignored' });
    synthesize.warn({ code: 'ENGINE_TAG_IGNORED', blockId: 's0-b2', message: 'polly: <lang> ignored' });
    context.warn({ stage: 'ssml', code: 'ENGINE_TAG_IGNORED', blockId: 's0-b1', message: 'polly: <lang> ignored' });
    expect(context.warnings.map((warning) => [warning.stage, warning.blockId])).toEqual([
      ['synthesize', 's0-b1'],
      ['synthesize', 's0-b2'],
      ['ssml', 's0-b1'],
    ]);
  });

  it('tells a listener of each new warning as it is raised', () => {
    const heard: RunWarning[] = [];
    const context = new RunContext({ onWarning: (warning) => heard.push(warning) });
    context.warn({ stage: 'publish', code: 'ID3_CHAPTERS', message: 'chapter "x" left out' });
    context.warn({ stage: 'publish', code: 'ID3_CHAPTERS', message: 'chapter "x" left out' });
    expect(heard).toEqual([{ stage: 'publish', code: 'ID3_CHAPTERS', message: 'chapter "x" left out' }]);
  });

  it('hands out copies, so a reader cannot change what the run recorded', () => {
    const context = new RunContext();
    context.warn({ stage: 'normalize', code: 'TEXT_UNSPEAKABLE', blockId: 's0-b1', message: 'skipped text' });
    const copy = context.warnings;
    copy[0]!.message = 'changed';
    copy.pop();
    expect(context.warnings).toEqual([{ stage: 'normalize', code: 'TEXT_UNSPEAKABLE', blockId: 's0-b1', message: 'skipped text' }]);
  });

  it('names the stages of the pipeline in order', () => {
    expect(STAGE_NAMES).toEqual(['ingest', 'segment', 'normalize', 'ssml', 'synthesize', 'assemble', 'publish']);
  });

  it('collects the warnings of stages called one by one, as a library user would', () => {
    const context = new RunContext();
    const quoted = segmentArticle(articleOf('Mayor defends plan', ['The leader called the plan "a list of hopes.', 'Tax will rise.']), { context });
    const dated = segmentArticle(articleOf('Talks', ['Talks began on 03/04/2021 and ended 05/06/2021.']), { context, storyIndex: 1 });
    normalizeBlocks([...quoted.blocks, ...dated.blocks], { context });
    expect(context.warnings.map((warning) => [warning.stage, warning.code, warning.blockId])).toEqual([
      ['segment', 'SEGMENT_UNCLOSED_QUOTE', 's0-b1'],
      ['normalize', 'DATE_ORDER_GUESSED', undefined],
    ]);
  });
});
