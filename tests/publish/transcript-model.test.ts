import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderEpisodePage } from '../../src/pages/index.js';
import { buildCaptionCues } from '../../src/publish/captions.js';
import type { Manifest } from '../../src/publish/manifest.js';
import { renderTranscriptHtml, renderTranscriptText, transcriptBlocks, transcriptModel, type TranscriptModel } from '../../src/publish/transcript.js';
import { buildManifest, repairCafeManifest } from './manifest-fixture.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Two stories with quotes, a speakerless quote block, a list and narration between them. */
function twoStories(): Manifest {
  return buildManifest({
    title: 'Evening briefing',
    language: 'en-GB',
    stories: [{ title: 'Ferry fares frozen', url: 'https://news.example/ferry' }, { title: 'Pool closes' }],
    blocks: [
      { kind: 'intro', sentences: ['Good evening.'] },
      { kind: 'title', story: 0, sentences: ['Ferry fares frozen'] },
      {
        kind: 'paragraph',
        story: 0,
        sentences: ['Fares stay the same, the operator said.', '“It is the right thing,” said Ana Ruiz.'],
        quotes: [{ text: 'It is the right thing,', speech: 'It is the right thing,', speaker: 'Ana Ruiz' }],
      },
      { kind: 'list-item', story: 0, sentences: ['Day returns: £4.'] },
      { kind: 'list-item', story: 0, sentences: ['Season tickets: £90.'] },
      { kind: 'transition', sentences: ['And finally.'] },
      { kind: 'title', story: 1, sentences: ['Pool closes'] },
      { kind: 'heading', story: 1, sentences: ['Repairs <first>'] },
      { kind: 'quote', story: 1, sentences: ['“Nobody knows for how long.”'] },
      {
        kind: 'paragraph',
        story: 1,
        sentences: [{ text: '“We will reopen by June.”', speaker: 'Sam Lee' }],
      },
      { kind: 'outro', sentences: ['Good night.'] },
    ],
  });
}

/** The timed sentences of a rendering, in document order. */
function spans(root: Element): [number, number, string][] {
  return [...root.querySelectorAll('span.sentence[data-start]')].map((span) => [
    Number(span.getAttribute('data-start')),
    Number(span.getAttribute('data-end')),
    // The speaker credited beside a quote is shown, not heard: it is no part of the sentence.
    squash([...span.childNodes].filter((node) => !(node.nodeName === 'CITE')).map((node) => node.textContent).join('')),
  ]);
}

function speakersShown(root: Element): string[] {
  const named = [
    ...[...root.querySelectorAll('q[data-speaker]')].map((quote) => quote.getAttribute('data-speaker') ?? ''),
    ...[...root.querySelectorAll('figcaption cite')].map((cite) => squash(cite.textContent)),
  ];
  return [...new Set(named)].sort();
}

function renderings(manifest: Manifest, model: TranscriptModel) {
  const transcript = parseHTML(renderTranscriptHtml(model)).document;
  const page = parseHTML(renderEpisodePage(manifest, { showTitle: 'Town Notes', transcript: model })).document;
  // The transcript's own title sits in its main, the page's above it: compare what follows the title.
  const transcriptBody = transcript.querySelector('main')!.cloneNode(true) as Element;
  transcriptBody.querySelector('header')?.remove();
  return { transcript: transcriptBody, page: page.querySelector('main')!, pageDocument: page, transcriptDocument: transcript };
}

describe('transcriptModel', () => {
  it('groups narration, headed stories and lists, and lifts a lone title to the episode title', () => {
    const several = transcriptModel(twoStories());
    expect(several.storiesHeaded).toBe(true);
    expect(several.sections.map((section) => (section.kind === 'story' ? `story ${section.title}` : section.block.kind))).toEqual([
      'intro',
      'story Ferry fares frozen',
      'transition',
      'story Pool closes',
      'outro',
    ]);
    const ferry = several.sections[1]!;
    expect(ferry.kind === 'story' && ferry.parts.map((part) => (part.kind === 'list' ? part.items.map((item) => item.text) : part.block.kind))).toEqual([
      'paragraph',
      ['Day returns: £4.', 'Season tickets: £90.'],
    ]);
    expect(ferry.kind === 'story' && ferry.url).toBe('https://news.example/ferry');

    const one = transcriptModel(repairCafeManifest());
    expect(one.storiesHeaded).toBe(false);
    expect(one.titleBlock?.text).toBe('Town library opens a repair café for broken gadgets');
    expect(transcriptBlocks(one)[0]).toBe(one.titleBlock);
  });

  it('marks quoted speech with its speaker, credited only where the paragraph does not name them', () => {
    const model = transcriptModel(twoStories());
    const quotes = transcriptBlocks(model).flatMap((block) => block.sentences.flatMap((sentence) => sentence.runs.filter((run) => run.kind === 'quote')));
    expect(quotes).toEqual([
      { kind: 'quote', text: 'It is the right thing,', speaker: 'Ana Ruiz', credit: false },
      { kind: 'quote', text: '“We will reopen by June.”', speaker: 'Sam Lee', credit: true },
    ]);
    expect(model.speakers).toEqual(['Ana Ruiz', 'Sam Lee']);
    for (const block of transcriptBlocks(model)) {
      for (const sentence of block.sentences) expect(sentence.runs.map((run) => run.text).join('')).toBe(sentence.text);
    }
  });

  it('carries every sentence with whole-ms times, the chapters in order and the caption cues', () => {
    const manifest = twoStories();
    manifest.chapters.reverse();
    const model = transcriptModel(manifest);
    expect(transcriptBlocks(model).flatMap((block) => block.sentences.map((sentence) => [sentence.startMs, sentence.endMs, sentence.text]))).toEqual(
      manifest.blocks.flatMap((block) => block.sentences.map((sentence) => [Math.round(sentence.startMs), Math.round(sentence.endMs), sentence.text])),
    );
    expect(model.chapters.map((chapter) => chapter.startMs)).toEqual([...model.chapters.map((chapter) => chapter.startMs)].sort((a, b) => a - b));
    expect(model.chapters.map((chapter) => chapter.title)).toEqual(['Ferry fares frozen', 'Pool closes', 'Repairs <first>']);
    expect(model.cues).toEqual(buildCaptionCues(manifest));
  });
});

describe.each([
  ['one story', repairCafeManifest],
  ['two stories', twoStories],
])('one model rendered as transcript.html and as the episode page (%s)', (_name, make) => {
  const manifest = make();
  const model = transcriptModel(manifest);
  const { transcript, page, pageDocument, transcriptDocument } = renderings(manifest, model);
  const sentences = transcriptBlocks(model).flatMap((block) => block.sentences.map((sentence): [number, number, string] => [sentence.startMs, sentence.endMs, sentence.text]));

  it('shows the same sentences at the same times, those of the model', () => {
    expect(sentences.length).toBeGreaterThan(5);
    expect(spans(transcriptDocument.querySelector('body')!)).toEqual(sentences);
    expect(spans(pageDocument.querySelector('body')!)).toEqual(sentences);
  });

  it('names the same speakers, those of the model', () => {
    expect(speakersShown(transcript)).toEqual([...model.speakers].sort());
    expect(speakersShown(page)).toEqual([...model.speakers].sort());
  });

  it('has the same headings, blocks and text', () => {
    const headings = (root: Element) => [...root.querySelectorAll('h2, h3, h4')].filter((heading) => heading.id !== 'transcript-heading').map((heading) => squash(heading.textContent));
    expect(headings(page)).toEqual(headings(transcript));
    expect(squash(pageDocument.querySelector('h1')!.innerHTML)).toBe(squash(transcriptDocument.querySelector('h1')!.innerHTML));
    const blockIds = (root: Element) => [...root.querySelectorAll('[data-block]')].map((element) => element.getAttribute('data-block'));
    expect(blockIds(page)).toEqual(blockIds(transcript));
    const withoutSources = (root: Element) => {
      const copy = root.cloneNode(true) as Element;
      for (const source of [...copy.querySelectorAll('.source, #transcript-heading')]) source.remove();
      return squash(copy.textContent);
    };
    expect(withoutSources(page)).toBe(withoutSources(transcript));
  });

  it('writes the same blocks into the plain-text transcript', () => {
    const text = renderTranscriptText(model);
    expect(text).toBe(renderTranscriptText(manifest));
    for (const block of transcriptBlocks(model)) expect(text).toContain(block.kind === 'list-item' ? `• ${block.text}` : block.text.replace(/^“|”$/g, ''));
  });
});
