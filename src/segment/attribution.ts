import { type SpeakerPhrase, speakerAfter, speakerBefore } from './name-phrases.js';

/** Character that stands in for quoted speech when attributions are searched. */
export const QUOTE_MASK = '\uE000';

/** An attribution found in a paragraph: where its verb is and who it names. */
export interface Attribution {
  /** Index of the attribution verb in the paragraph. */
  index: number;
  /** What the words around the verb say about the speaker. */
  phrase: SpeakerPhrase;
}

const VERB =
  /\b(?:said|says|say|told|tells|added|adds|asked|asks|warned|warns|explained|explains|admitted|admits|insisted|insists|argued|argues|noted|notes|continued|replied|replies|claimed|claims|stated|wrote|writes|declared|recalled|acknowledged|conceded|suggested|urged|reported|reports|announced|confirmed|commented|remarked|joked|laughed|shouted|whispered|agreed|cautioned|predicted|pointed out|went on)\b|\b[Aa]ccording to\b/g;

/** Verbs that also attribute when the speaker follows them: `said X`, `added the manager`. */
export const INVERTIBLE = new Set([
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'warned', 'explained', 'admitted', 'insisted',
  'argued', 'noted', 'continued', 'replied', 'claimed', 'wrote', 'writes', 'declared', 'recalled',
  'acknowledged', 'conceded', 'suggested', 'urged', 'confirmed', 'commented', 'remarked', 'joked',
  'laughed', 'shouted', 'whispered', 'agreed', 'cautioned', 'predicted',
]);

const BEFORE_WINDOW = 240;

/**
 * Finds attributions in a paragraph whose quoted speech has been replaced by
 * {@link QUOTE_MASK} characters: "X said", "said X", "X told reporters",
 * "according to X", "X, who …, said", "she added".
 */
export function findAttributions(masked: string): Attribution[] {
  const found: Attribution[] = [];
  for (const match of masked.matchAll(VERB)) {
    const verb = match[0].toLowerCase();
    const index = match.index;
    const afterVerb = masked.slice(index + match[0].length, index + match[0].length + 200);
    if (verb === 'according to') {
      const phrase = speakerAfter(afterVerb);
      found.push({ index, phrase: phrase.kind === 'none' ? { kind: 'group' } : phrase });
      continue;
    }
    let phrase = speakerBefore(masked.slice(Math.max(0, index - BEFORE_WINDOW), index));
    if (phrase.kind === 'none' && INVERTIBLE.has(verb)) phrase = speakerAfter(afterVerb);
    if (phrase.kind !== 'none') found.push({ index, phrase });
  }
  return found;
}
