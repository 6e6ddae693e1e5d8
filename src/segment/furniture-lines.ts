/**
 * Lines a page shows around an article that a listener must never hear:
 * bare links, interface labels, tip lines, citations, social and subscription
 * calls, affiliate notices. Each rule has a length limit so a real paragraph
 * that merely mentions such words is never caught.
 */
interface FurnitureRule {
  reason: string;
  maxLength: number;
  test: (text: string) => boolean;
}

/** Words a gallery, player or page widget shows on its own. */
const INTERFACE_LABEL =
  /^(?:caption|close|open|expand|collapse|hide caption|show caption|toggle caption|enlarge(?: this image)?|text size|font size|print|replay|play(?: video)?|pause|mute|unmute|loading(?: content)?|loading\.\.\.|more videos|watch more|must watch|back to gallery|view gallery|see (?:the )?gallery|open gallery|launch gallery|next|previous|prev|more|less|see more|show more|learn more|view more|find out more|read the full story|breaking news|breaking|just in|developing story|this slideshow requires javascript|javascript is (?:disabled|required)[^.]*|please enable javascript[^.]*|your browser does not support[^.]*|iklan|anzeige|werbung|publicidad|publicité|pubblicità|reklama|advertentie|annonse|mainos|publicidade|реклама|広告|광고)\s*[.…!]*$/iu;

const SOCIAL_NETWORKS = '(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|snapchat|pinterest|telegram|whatsapp)';

const RULES: FurnitureRule[] = [
  {
    reason: 'bare link',
    maxLength: 2000,
    test: (text) => /^(?:<?(?:https?:\/\/|www\.)\S+>?\s*)+$/iu.test(text),
  },
  {
    reason: 'interface label',
    maxLength: 80,
    test: (text) =>
      INTERFACE_LABEL.test(text) ||
      /^\(?\d{1,3}\s*(?:of|\/)\s*\d{1,3}\)?$/iu.test(text) ||
      /^\(?\d{1,3}\s+(?:videos|photos|images|slides)\)?$/iu.test(text),
  },
  {
    reason: 'tips line',
    maxLength: 400,
    test: (text) =>
      /^(?:got|have) a (?:news )?tip\b/iu.test(text) ||
      (/\b(?:may|can) be reached at\b/iu.test(text) && /@|\bphone\b|\d{3}[-. ]\d{4}/iu.test(text)) ||
      /\b(?:news )?tips?, (?:correction|comment)s?\b.*\blet us know\b/iu.test(text),
  },
  {
    reason: 'citation',
    maxLength: 600,
    test: (text) => /^citation\s*:/iu.test(text) && /\bretrieved\b|https?:\/\//iu.test(text),
  },
  {
    reason: 'copyright line',
    maxLength: 400,
    test: (text) =>
      /^this (?:document|article|material|content|story) is (?:subject to|protected by) copyright\b/iu.test(text) ||
      /^the contents? of this (?:site|website|page) (?:is|are)\b.*(?:©|\(c\)|copyright)/iu.test(text) ||
      /^copyright\s*(?:@|©|\(c\))?\s*\d{4}\b/iu.test(text),
  },
  {
    reason: 'social media call',
    maxLength: 300,
    test: (text) =>
      new RegExp(`\\bfollow (?:us|me|him|her|them|[\\p{L}'’]+(?: [\\p{L}'’]+)?) (?:on|at|via) ${SOCIAL_NETWORKS}\\b`, 'iu').test(text) ||
      new RegExp(`^follow (?:us|me)\\b.*\\b${SOCIAL_NETWORKS}\\b`, 'iu').test(text) ||
      /^follow\b.*\bcoverage\b.*\b(?:at|on)\b/iu.test(text) ||
      /\bclick to tweet$/iu.test(text),
  },
  {
    reason: 'subscription offer',
    maxLength: 400,
    test: (text) =>
      (/^(?:get|gain|unlock|enjoy) (?:unlimited |full |exclusive |instant )?access\b/iu.test(text) && /[£$€₹]|\brs\.? ?\d|\bsubscri|\bmembers?\b|\bpro\b/iu.test(text)) ||
      /\b\d+ issues for\b/iu.test(text) ||
      (/\bfor (?:as little as|just|only)\b/iu.test(text) && /[£$€₹]\s?\d|\brs\.? ?\d/iu.test(text) && /\b(?:subscri\w*|members?\w*|year|month|issues?)\b/iu.test(text)) ||
      (/\bif you enjoyed (?:this|reading)\b/iu.test(text) && /\b(?:join|subscribe|support|member|donate)\w*\b/iu.test(text)) ||
      /^[Jj]oin [\p{Lu}\p{N}+]{3,}\b/u.test(text) ||
      (/^join (?:our|us|the)\b/iu.test(text) && /\b(?:forums?|community|conversation|newsletter|discussion|mailing list)\b/iu.test(text)),
  },
  {
    reason: 'affiliate notice',
    maxLength: 400,
    test: (text) =>
      /\b(?:contains?|may contain|includes?|uses?) (?:affiliate|referral|sponsored)(?: and\/or referral)? links?\b/iu.test(text) ||
      /\bwe (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of sales|compensation)\b/iu.test(text),
  },
  {
    reason: 'source line',
    maxLength: 60,
    test: (text) => /^(?:source|sources|via)\s*:?\s*[\p{L}\p{N}.\-/ ]{2,50}$/iu.test(text) && /^(?:sources?\s*:|via\s+\S+\.\S+$)/iu.test(text),
  },
];

/**
 * Why a line is page furniture a listener must not hear (a bare link, an
 * interface label, a tip line, a citation, a social or subscription call, an
 * affiliate notice, a source line), or undefined when it is story text.
 */
export function furnitureReason(text: string): string | undefined {
  for (const rule of RULES) {
    if (text.length <= rule.maxLength && rule.test(text)) return rule.reason;
  }
  return undefined;
}
