import { BriefingError } from '../../errors.js';

/** Placeholders a command template may use. */
export const TEMPLATE_PLACEHOLDERS = ['text', 'ssml', 'input', 'out', 'voice', 'rate', 'wpm', 'lengthScale'] as const;

/** One of {@link TEMPLATE_PLACEHOLDERS}. */
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Values for the placeholders of one run. */
export type PlaceholderValues = Partial<Record<TemplatePlaceholder, string>>;

/**
 * Splits a command template into argv words the way a POSIX shell would
 * split a plain command line: blanks separate words, `'…'` is literal,
 * `"…"` allows `\"` and `\\`, a backslash outside quotes escapes the next
 * character. Nothing else is special: no variables, globs, pipes or
 * redirections, and the template is never given to a shell.
 *
 * @throws BriefingError `CONFIG_INVALID` for an empty template or an unclosed quote
 */
export function splitCommandTemplate(template: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (template[index + 1] === '"' || template[index + 1] === '\\')) word += template[++index];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < template.length) {
      word += template[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new BriefingError('CONFIG_INVALID', `command: the command template has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  if (words.length === 0) throw new BriefingError('CONFIG_INVALID', 'command: the command template is empty');
  return words;
}

/** True when any word of the template holds `{name}`. */
export function templateUses(words: readonly string[], name: TemplatePlaceholder): boolean {
  return words.some((word) => word.includes(`{${name}}`));
}

/**
 * Replaces the placeholders in each word. A value always stays inside the
 * word it replaces, so article text can never become a second argument or an
 * option of the program. Unknown `{names}` are left as they are.
 */
export function fillTemplate(words: readonly string[], values: PlaceholderValues): string[] {
  return words.map((word) =>
    word.replace(/\{([A-Za-z]+)\}/g, (match, name: string) => {
      const value = values[name as TemplatePlaceholder];
      return value === undefined ? match : value;
    }),
  );
}
