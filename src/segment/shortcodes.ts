/** Shortcodes whose content is never read: a caption, an embedded player or link, a button, a gallery. */
const ENCLOSING = /\[(caption|embed|button|gallery|video|audio|playlist|tweet|instagram|youtube|vimeo|soundcloud|contact-form(?:-7)?)\b[^\]]{0,500}\][\s\S]{0,1000}?\[\/\1\]/giu;
/** Any other opening, closing or self-closing shortcode tag: `[embed]`, `[/column]`, `[gallery ids="1,2"]`. */
const TAG = /\[\/?[a-z][\w-]{1,40}(?:\s+[\w-]+\s*=\s*(?:"[^"\]]*"|'[^'\]]*'|[“”″][^\]]*?[“”″]|[^\s\]]+))*\s*\/?\]/giu;
/** Attribute-looking text that marks a bracket as a shortcode rather than an editor's note: `id=`, `type=`. */
const ATTRIBUTE = /\s[\w-]+\s*=/u;
/** Tags written without attributes that are shortcodes only when known: `[embed]`, `[/caption]`. */
const KNOWN = /^\[\/?(?:caption|embed|button|gallery|video|audio|playlist|tweet|instagram|youtube|vimeo|soundcloud|column|row|one_half|one_third|two_third|one_fourth|dropcap|highlight|quote|pullquote|toggle|tab|tabs|accordion|box|alert|note|divider|spacer|clear|contact-form(?:-7)?)\]$/iu;

/** What removing shortcodes left of a text, and the shortcodes removed. */
export interface ShortcodeResult {
  text: string;
  removed: string[];
}

/**
 * Removes WordPress-style shortcodes that leaked into an article's text:
 * `[caption id="…"]…[/caption]` and `[embed]…[/embed]` with their content,
 * and any other shortcode tag with attributes or of a known name, keeping the
 * text between its tags. Editorial brackets such as "[sic]" or "[Photos]" stay.
 */
export function removeShortcodes(text: string): ShortcodeResult {
  if (!text.includes('[')) return { text, removed: [] };
  const removed: string[] = [];
  let result = text.replace(ENCLOSING, (match) => {
    removed.push(match);
    return ' ';
  });
  result = result.replace(TAG, (match) => {
    if (!ATTRIBUTE.test(match) && !KNOWN.test(match)) return match;
    removed.push(match);
    return ' ';
  });
  if (removed.length === 0) return { text, removed };
  return { text: result.replace(/\s+/gu, ' ').trim(), removed };
}
