import { describe, expect, it } from 'vitest';
import { renderBlock, type RenderEngine } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { speechBlock } from '../helpers/speech-blocks.js';
import { assertWellFormed, emphasizedTexts } from '../helpers/xml.js';
import { withWarnings } from '../helpers/with-warnings.js';
import { AZURE_DIALECT } from '../../src/engines/azure/azure-dialect.js';
import { ELEVENLABS_DIALECT } from '../../src/engines/elevenlabs/elevenlabs-dialect.js';
import { POLLY_DIALECT } from '../../src/engines/polly/polly-dialect.js';

const w3cEngine: RenderEngine = {
  id: 'espeak',
  capabilities: { input: 'ssml', maxInput: 4000, inputUnit: 'chars', wordTimings: false, network: false, embedded: true },
};
const textEngine: RenderEngine = {
  id: 'flite',
  capabilities: { input: 'text', maxInput: 2000, inputUnit: 'chars', wordTimings: false, network: false, embedded: true, prosody: ['rate', 'pitch'] },
};
const settings = { voice: 'en', quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false };

function speechRequests(rendered: ReturnType<typeof renderBlock>) {
  return rendered.requests.flatMap((request) => (request.kind === 'speech' ? [request] : []));
}

describe('renderBlock for an SSML engine', () => {
  it('puts every quoted span inside <emphasis> and ends with the pause', () => {
    const block = speechBlock('s0-b1', 'paragraph', ['The mayor said “we will build it” on Monday.', '“It is late,” she added.'], { speaker: 'Ann Lee' });
    const rendered = renderBlock(block, 450, w3cEngine, settings);
    assertWellFormed(rendered.ssml);
    expect(rendered.ssml).toMatch(/^<speak version='1\.1' xmlns='http:\/\/www\.w3\.org\/2001\/10\/synthesis' xml:lang='en'>/);
    expect(emphasizedTexts(rendered.ssml)).toEqual(['we will build it', 'It is late,']);
    expect(rendered.ssml).toMatch(/<break time='450ms'\/><\/speak>$/);
    expect(speechRequests(rendered)).toHaveLength(1);
  });

  it('escapes markup in article text so none of it takes effect', () => {
    const block = speechBlock('s0-b2', 'paragraph', [
      'Engineers typed <break time="100s"/> and <audio src="http://x.example/a.mp3"/> & <emphasis level="strong">fake emphasis</emphasis> ]]>.',
    ]);
    const rendered = renderBlock(block, 0, w3cEngine, settings);
    assertWellFormed(rendered.ssml);
    expect(rendered.ssml).not.toMatch(/<audio|<break time="100s"|<emphasis/);
    expect(rendered.ssml).toContain('&lt;break time=&quot;100s&quot;/&gt;');
    expect(rendered.ssml).toContain('&amp;');
  });

  it('splits an over-long block at sentence, then clause, then word boundaries without losing a word', () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${index}`);
    const long = `${words.slice(0, 150).join(' ')}, ${words.slice(150).join(' ')}.`;
    const block = speechBlock('s0-b3', 'paragraph', ['A short opening sentence.', `\u201C${long}\u201D`]);
    const small: RenderEngine = { ...w3cEngine, capabilities: { ...w3cEngine.capabilities, maxInput: 900 } };
    const rendered = renderBlock(block, 300, small, settings);
    const requests = speechRequests(rendered);
    expect(requests.length).toBeGreaterThan(3);
    for (const request of requests) {
      expect(request.input.length).toBeLessThanOrEqual(900);
      assertWellFormed(request.input);
    }
    const spoken = requests.map((request) => request.input.replace(/<[^>]+>/g, ' ')).join(' ');
    for (const word of words) expect(spoken).toMatch(new RegExp(`\\b${word}\\b`));
    // The quote is re-opened in every part that carries it.
    expect(requests.slice(1).every((request) => request.input.includes('<emphasis'))).toBe(true);
    // No pause was added at the seams: only the last request carries the block's break.
    expect(requests.filter((request) => request.input.includes('<break')).length).toBe(1);
    expect(requests.at(-1)!.input).toContain("<break time='300ms'/>");
  });

  it('reports a word longer than the limit as an error naming the block', () => {
    const block = speechBlock('s0-b9', 'paragraph', [`${'x'.repeat(500)}.`]);
    const tiny: RenderEngine = { ...w3cEngine, capabilities: { ...w3cEngine.capabilities, maxInput: 200 } };
    expect(() => renderBlock(block, 0, tiny, settings)).toThrow(/block s0-b9/);
  });

  it('degrades emphasis to prosody, with a warning, where the engine has no <emphasis>', () => {
    const polly: RenderEngine = {
      id: 'polly',
      capabilities: { ...w3cEngine.capabilities, dialect: POLLY_DIALECT, ssmlTags: ['speak', 'p', 's', 'break', 'prosody', 'sub'], maxInput: 3000, inputUnit: 'billed-chars', maxBreakMs: 10000 },
    };
    const rendered = withWarnings((context) => renderBlock(speechBlock('s0-b4', 'paragraph', ['He said “no deal” twice.']), 500, polly, { ...settings, context }));
    assertWellFormed(rendered.ssml);
    expect(rendered.ssml).toMatch(/^<speak><p><s>/);
    expect(rendered.ssml).toContain("<prosody rate='90%' volume='+2dB'>no deal</prosody>");
    expect(rendered.warnings).toEqual([expect.objectContaining({ stage: 'ssml', code: 'SSML_UNSUPPORTED', blockId: 's0-b4' })]);
  });

  it('wraps Azure SSML in the mstts namespace and the voice', () => {
    const azure: RenderEngine = { id: 'azure', capabilities: { ...w3cEngine.capabilities, dialect: AZURE_DIALECT } };
    const rendered = renderBlock(speechBlock('s0-b5', 'title', ['Hello.'], { language: 'en-US' }), 0, azure, { ...settings, voice: 'en-US-JennyNeural' });
    assertWellFormed(rendered.ssml);
    expect(rendered.ssml).toContain("xmlns:mstts='https://www.w3.org/2001/mstts'");
    expect(rendered.ssml).toContain("<voice name='en-US-JennyNeural'>");
  });

  it('clamps a break longer than the engine honours and says so', () => {
    const eleven: RenderEngine = { id: 'elevenlabs', capabilities: { ...w3cEngine.capabilities, dialect: ELEVENLABS_DIALECT, ssmlTags: ['break'], maxBreakMs: 3000 } };
    const rendered = withWarnings((context) => renderBlock(speechBlock('s0-b6', 'paragraph', ['He said “go” now.']), 5000, eleven, { ...settings, context }));
    expect(rendered.ssml).toContain('<break time="3s" />');
    expect(rendered.ssml).not.toContain('<emphasis');
    expect(rendered.warnings.map((warning) => warning.message).join(' ')).toMatch(/5000 ms pause was shortened/);
  });
});

describe('renderBlock for a text engine', () => {
  it('plays quotes as separate requests with slower, higher prosody and breaks as silence', () => {
    const block = speechBlock('s0-b1', 'paragraph', ['The mayor said “we will build it” on Monday.'], { speaker: 'Ann Lee' });
    const rendered = renderBlock(block, 450, textEngine, { ...settings, voice: 'slt' });
    assertWellFormed(rendered.ssml);
    expect(emphasizedTexts(rendered.ssml)).toEqual(['we will build it']);
    expect(rendered.requests.map((request) => (request.kind === 'speech' ? [request.input, request.prosody ?? null] : ['silence', request.ms]))).toEqual([
      ['The mayor said', null],
      ['we will build it', { rate: 0.88, pitchPercent: 12 }],
      ['on Monday.', null],
      ['silence', 450],
    ]);
  });

  it('uses a second voice for quotes when asked, and no prosody with emphasis none', () => {
    const block = speechBlock('s0-b1', 'paragraph', ['She said “yes”.']);
    const rendered = renderBlock(block, 0, textEngine, { voice: 'slt', quotes: { emphasis: 'none', cues: true, voice: 'rms' }, requestPerSentence: true });
    const quote = speechRequests(rendered).find((request) => request.voice === 'rms');
    expect(quote?.input).toBe('quote, yes, end quote');
    expect(quote?.prosody).toBeUndefined();
  });
});
