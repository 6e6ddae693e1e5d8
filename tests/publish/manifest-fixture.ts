import type { Manifest, ManifestBlock, ManifestChapter, ManifestQuote } from '../../src/publish/manifest.js';
import type { BlockKind } from '../../src/segment/narration-block.js';

/** A sentence of a fixture block; `msPerChar` sets its speaking rate (70 ms ≈ 14 characters a second). */
export interface SentenceSpec {
  text: string;
  speaker?: string;
  msPerChar?: number;
  /** Silence after the sentence, in ms (250 by default). */
  pauseAfterMs?: number;
}

/** A fixture block; sentences as strings use the default rate. */
export interface BlockSpec {
  kind: BlockKind;
  story?: number;
  sentences: (string | SentenceSpec)[];
  speaker?: string;
  quotes?: ManifestQuote[];
}

/** Options of {@link buildManifest}. */
export interface ManifestSpec {
  title: string;
  language?: string;
  stories?: { title: string; url?: string }[];
  blocks: BlockSpec[];
  /** Silence between blocks, in ms. */
  blockPauseMs?: number;
}

/**
 * A manifest timed like real synthesis: each sentence lasts its length times
 * its rate, short pauses between sentences, longer ones between blocks, a
 * half-second lead-in; chapters per story and heading as the pipeline makes them.
 */
export function buildManifest(spec: ManifestSpec): Manifest {
  let time = 480.3;
  const blocks: ManifestBlock[] = spec.blocks.map((block, index) => {
    const startMs = time;
    const sentences = block.sentences.map((entry) => {
      const sentence = typeof entry === 'string' ? { text: entry } : entry;
      const sentenceStart = time;
      const endMs = Math.round((sentenceStart + sentence.text.length * (sentence.msPerChar ?? 70)) * 10) / 10;
      time = endMs + (sentence.pauseAfterMs ?? 250);
      return { text: sentence.text, speech: sentence.text, startMs: sentenceStart, endMs, ...(sentence.speaker ? { speaker: sentence.speaker } : {}) };
    });
    const speechEnd = sentences.at(-1)?.endMs ?? startMs;
    time = speechEnd + (spec.blockPauseMs ?? 650);
    const text = sentences.map((sentence) => sentence.text).join(' ');
    return {
      id: `s${block.story ?? 0}-b${index}`,
      kind: block.kind,
      story: block.story ?? 0,
      text,
      speech: text,
      ssml: `<speak>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</speak>`,
      startMs,
      endMs: time,
      ...(block.speaker ? { speaker: block.speaker } : {}),
      quotes: block.quotes ?? [],
      sentences,
    };
  });
  const durationMs = Math.round(time + 400);
  const stories = (spec.stories ?? [{ title: spec.title }]).map((story, index) => ({
    title: story.title,
    source: story.url ?? `article-${index}.md`,
    ...(story.url ? { url: story.url } : {}),
    startMs: blocks.find((block) => block.story === index)?.startMs ?? 0,
  }));
  return {
    version: 1,
    title: spec.title,
    createdAt: '2025-03-01T07:00:00.000Z',
    date: '2025-03-01',
    language: spec.language ?? 'en',
    audio: 'episode.mp3',
    durationMs,
    engine: 'flite',
    voice: 'slt',
    stories,
    blocks,
    chapters: chaptersOf(blocks, stories, durationMs),
    dropped: [],
    synthesis: { requests: blocks.length, cacheHits: 0, cacheMisses: blocks.length, retries: 0, billedCharacters: 0 },
    files: [],
    warnings: [],
  };
}

function chaptersOf(blocks: ManifestBlock[], stories: { title: string }[], durationMs: number): ManifestChapter[] {
  const starts: { title: string; startMs: number; blockId: string }[] = [];
  let story = -1;
  for (const block of blocks) {
    if (block.story !== story && block.kind !== 'intro' && block.kind !== 'outro') {
      story = block.story;
      starts.push({ title: stories[story]?.title ?? block.text, startMs: block.startMs, blockId: block.id });
      if (block.kind === 'heading') continue;
    }
    if (block.kind === 'heading') starts.push({ title: block.text, startMs: block.startMs, blockId: block.id });
  }
  return starts.map((chapter, index) => ({ ...chapter, endMs: starts[index + 1]?.startMs ?? durationMs }));
}

/** The sample article of the project as a one-story manifest, quotes and headings included. */
export function repairCafeManifest(): Manifest {
  return buildManifest({
    title: 'Town library opens a repair café for broken gadgets',
    blocks: [
      { kind: 'title', sentences: ['Town library opens a repair café for broken gadgets'] },
      {
        kind: 'standfirst',
        sentences: ['Volunteers fixed 38 toasters, lamps and radios on the first Saturday, and the queue stretched out of the door.'],
      },
      {
        kind: 'paragraph',
        sentences: [
          'The central library in Eastbridge turned its reading room into a repair café on Saturday, inviting residents to bring broken household items to a team of 12 volunteer fixers.',
        ],
      },
      {
        kind: 'paragraph',
        sentences: ['By the time the doors closed at 4pm, the volunteers had mended 38 of the 51 items brought in, from a 1970s radio to a child’s electric scooter.'],
      },
      {
        kind: 'paragraph',
        sentences: [
          '“People kept telling us they had a drawer full of things they could not bear to throw away,” said Priya Shah, who organised the event.',
          { text: '“Now that drawer has somewhere to go.”', speaker: 'Priya Shah' },
        ],
        quotes: [
          { text: 'People kept telling us they had a drawer full of things they could not bear to throw away,', speech: 'People kept telling us they had a drawer full of things they could not bear to throw away,', speaker: 'Priya Shah' },
          { text: 'Now that drawer has somewhere to go.', speech: 'Now that drawer has somewhere to go.', speaker: 'Priya Shah' },
        ],
      },
      { kind: 'heading', sentences: ['Why a library?'] },
      {
        kind: 'paragraph',
        sentences: ['The library’s manager, Tom Okonkwo, said the idea came from readers who borrowed repair manuals but had no tools at home.'],
      },
      {
        kind: 'quote',
        speaker: 'Tom Okonkwo',
        sentences: [
          { text: '“A library lends knowledge.”', speaker: 'Tom Okonkwo' },
          { text: '“This is the same thing with a screwdriver.”', speaker: 'Tom Okonkwo' },
        ],
        quotes: [
          { text: 'A library lends knowledge.', speech: 'A library lends knowledge.', speaker: 'Tom Okonkwo' },
          { text: 'This is the same thing with a screwdriver.', speech: 'This is the same thing with a screwdriver.', speaker: 'Tom Okonkwo' },
        ],
      },
      { kind: 'heading', sentences: ['Tools & <safety> --> first'] },
      {
        kind: 'paragraph',
        sentences: [
          'The council gave the project £2,500 for tools & insurance; a local hardware shop donated soldering irons — and the fixers wrote <safe> rules --> on a whiteboard.',
          { text: 'Yes.', pauseAfterMs: 120 },
          'They did.',
        ],
      },
      { kind: 'list-item', sentences: ['Bring the item and its charger.'] },
      { kind: 'list-item', sentences: ['Stay while it is fixed.'] },
      {
        kind: 'paragraph',
        sentences: ['The café will open on the first Saturday of every month. Organisers hope to keep 500 kg of electrical waste out of landfill in its first year.'],
      },
    ],
  });
}
