import { describe, expect, it } from 'vitest';
import { breakSsml, emphasisSsml, phonemeSsml, prosodySsml, sayAsSsml, ssmlMarkup, subSsml, textSsml } from '../../src/ssml/ssml-markup.js';
import { renderBlock, type RenderEngine } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import type { SpeechBlock } from '../../src/normalize/speech-block.js';
import { AZURE_DIALECT } from '../../src/engines/azure/azure-dialect.js';
import { assertWellFormed } from '../helpers/xml.js';

const HOSTILE = `Q&A "it's" <break time='9s'/> ]]> & more`;

describe('SSML elements', () => {
  it('escapes text, and the content of elements ssml-builder writes around it', () => {
    const text = textSsml(HOSTILE);
    expect(text).toBe('Q&amp;A &quot;it&apos;s&quot; &lt;break time=&apos;9s&apos;/&gt; ]]&gt; &amp; more');
    const nested = emphasisSsml('strong', prosodySsml({ rate: '90%', volume: '+2dB' }, text));
    expect(nested).toBe(`<emphasis level='strong'><prosody rate='90%' volume='+2dB'>${text}</prosody></emphasis>`);
    assertWellFormed(`<speak>${nested}</speak>`);
  });

  it('escapes quotes, ampersands and angle brackets in a sub alias', () => {
    const sub = subSsml(`"O'Neil" & <Sons>`, 'ONS');
    expect(sub).toBe("<sub alias='&quot;O&apos;Neil&quot; &amp; &lt;Sons&gt;'>ONS</sub>");
    assertWellFormed(`<speak>${sub}</speak>`);
  });

  it('escapes the IPA and the word of a phoneme', () => {
    const phoneme = phonemeSsml(`ˈkæ'fe "<&>"`, 'Café & <Co>');
    expect(phoneme).toBe("<phoneme alphabet='ipa' ph='ˈkæ&apos;fe &quot;&lt;&amp;&gt;&quot;'>Café &amp; &lt;Co&gt;</phoneme>");
    assertWellFormed(`<speak>${phoneme}</speak>`);
  });

  it('escapes the word and format of say-as, which ssml-builder leaves raw', () => {
    const sayAs = sayAsSsml('date', `1/2 <b>&'`, `d'm"y`);
    expect(sayAs).toBe("<say-as interpret-as='date' format='d&apos;m&quot;y'>1/2 &lt;b&gt;&amp;&apos;</say-as>");
    assertWellFormed(`<speak>${sayAs}</speak>`);
  });

  it('escapes every attribute of the elements it writes itself, and writes empty ones closed', () => {
    const voice = ssmlMarkup.element('voice', { name: `en-US-"Jenny"'s <&>`, gender: undefined }, 'hi');
    expect(voice).toBe("<voice name='en-US-&quot;Jenny&quot;&apos;s &lt;&amp;&gt;'>hi</voice>");
    expect(ssmlMarkup.element('mark', { name: 'm1' })).toBe("<mark name='m1'/>");
    assertWellFormed(voice);
  });

  it('writes a pause longer than one break may be as several breaks', () => {
    expect(breakSsml(450)).toBe("<break time='450ms'/>");
    expect(breakSsml(12_500)).toBe("<break time='10000ms'/> <break time='2500ms'/>");
  });
});

describe('rendering hostile lexicon entries and voice names', () => {
  const block: SpeechBlock = {
    id: 's0-b1',
    kind: 'paragraph',
    text: 'AT&T and Café',
    story: 0,
    language: `en"'<&>`,
    speech: 'A T and T and café',
    sentences: [
      {
        text: 'AT&T and Café',
        speech: 'A T and T and café',
        runs: [
          {
            text: 'AT&T and Café',
            speech: [
              { text: `A "T" & <T>`, written: `AT&T's <co>` },
              { text: ' and ' },
              { text: 'café', written: `Café "<x>"`, ipa: `kæˈfeɪ'"<&>` },
            ],
          },
        ],
      },
    ],
  };
  const engine: RenderEngine = {
    id: 'any',
    capabilities: { input: 'ssml', maxInput: 4000, inputUnit: 'chars', wordTimings: false, network: false, embedded: false },
  };

  it('keeps the document well-formed with every character of aliases, IPA and written words escaped', () => {
    const rendered = renderBlock(block, 300, engine, { voice: 'en', quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
    assertWellFormed(rendered.ssml);
    expect(rendered.ssml).toContain("<sub alias='A &quot;T&quot; &amp; &lt;T&gt;'>AT&amp;T&apos;s &lt;co&gt;</sub>");
    expect(rendered.ssml).toContain("ph='kæˈfeɪ&apos;&quot;&lt;&amp;&gt;'");
    expect(rendered.ssml).toContain("xml:lang='en&quot;&apos;&lt;&amp;&gt;'");
  });

  it('escapes the voice names a dialect and a second quote voice put in the document', () => {
    const quoted: SpeechBlock = {
      ...block,
      language: 'en-US',
      sentences: [{ text: 'He said “go”.', speech: 'He said go.', runs: [{ text: 'He said ', speech: [{ text: 'He said ' }] }, { text: 'go', speech: [{ text: 'go' }], quote: true }] }],
    };
    const hostileVoice = `x' onload='<&>"`;
    const w3c = renderBlock(quoted, 0, { ...engine, capabilities: { ...engine.capabilities, ssmlTags: ['speak', 'voice', 'emphasis'] } }, { voice: 'en', quotes: { ...DEFAULT_QUOTE_STYLE, voice: hostileVoice }, requestPerSentence: false });
    assertWellFormed(w3c.ssml);
    expect(w3c.ssml).toContain("<voice name='x&apos; onload=&apos;&lt;&amp;&gt;&quot;'>");
    const azure = renderBlock(quoted, 0, { ...engine, capabilities: { ...engine.capabilities, dialect: AZURE_DIALECT } }, { voice: hostileVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
    assertWellFormed(azure.ssml);
    expect(azure.ssml).toContain("<voice name='x&apos; onload=&apos;&lt;&amp;&gt;&quot;'>");
  });
});
