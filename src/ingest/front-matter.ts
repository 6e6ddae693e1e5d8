/** Fields a Markdown file's YAML front matter may carry. */
export interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  language?: string;
  description?: string;
}

/**
 * Splits simple YAML front matter (`---` … `---` at the very start) from a
 * Markdown text. Only flat `key: value` lines are read.
 */
export function splitFrontMatter(text: string): { frontMatter: FrontMatter; content: string } {
  const match = /^---[ \t]*\n([^]*?)\n---[ \t]*(?:\n|$)/.exec(text.slice(0, 8192));
  if (!match || !/^[A-Za-z_][\w-]*\s*:/m.test(match[1]!)) return { frontMatter: {}, content: text };
  const fields = new Map<string, string>();
  for (const line of match[1]!.split('\n')) {
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (field) fields.set(field[1]!.toLowerCase(), unquote(field[2]!.trim()));
  }
  const frontMatter: FrontMatter = {};
  const pick = (...keys: string[]): string | undefined => keys.map((key) => fields.get(key)).find((value) => value);
  const title = pick('title', 'headline');
  const author = pick('author', 'byline');
  const date = pick('date', 'published', 'pubdate');
  const language = pick('lang', 'language', 'locale');
  const description = pick('description', 'subtitle', 'standfirst', 'dek', 'summary');
  if (title) frontMatter.title = title;
  if (author) frontMatter.author = author;
  if (date) frontMatter.date = date;
  if (language) frontMatter.language = language;
  if (description) frontMatter.description = description;
  return { frontMatter, content: text.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
