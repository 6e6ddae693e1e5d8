/**
 * Scripts a voice for each language can read. Latin-script languages read
 * Latin letters (accents included); other text, emoji and symbols are left out.
 */
const SCRIPT_BY_LANGUAGE: Record<string, RegExp> = {
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  bg: /\p{Script=Cyrillic}/u,
  sr: /\p{Script=Cyrillic}/u,
  el: /\p{Script=Greek}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  hi: /\p{Script=Devanagari}/u,
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ko: /\p{Script=Hangul}/u,
  th: /\p{Script=Thai}/u,
};

const LETTER = /\p{L}/u;

/** True when `character` is a letter the language's voice can read. */
function speakable(character: string, language: string): boolean {
  const script = SCRIPT_BY_LANGUAGE[language.toLowerCase().split('-')[0] ?? ''];
  if (/\p{Script=Latin}/u.test(character)) return true;
  return script ? script.test(character) : false;
}

/**
 * Removes words in scripts the language cannot speak, emoji, pictographs and
 * invisible format characters. Returns the text and what was removed.
 */
export function dropUnspeakable(text: string, language: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  let cleaned = text.replace(/[\p{Cf}\u{FE0F}]/gu, '');
  cleaned = cleaned.replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{20E3}]+/gu, (match) => {
    removed.push(match);
    return ' ';
  });
  cleaned = cleaned.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => {
    const foreign = [...word].some((character) => LETTER.test(character) && !speakable(character, language));
    if (!foreign) return word;
    removed.push(word);
    return ' ';
  });
  cleaned = cleaned.replace(/[ \t]{2,}/g, ' ');
  return { text: cleaned, removed };
}
