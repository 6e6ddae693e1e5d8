/** A rule that marks page or wire boilerplate that is never read. */
interface BoilerplateRule {
  reason: string;
  /** Longest text the rule applies to, so a real paragraph is never caught. */
  maxLength: number;
  test: (text: string) => boolean;
}

const SOCIAL_WORDS = /^(?:(?:share|facebook|twitter|x|email|e-mail|whatsapp|linkedin|pinterest|reddit|bluesky|threads|messenger|copy link|print|save)\b[\s,|·•/:]*){2,}$/iu;

const RULES: BoilerplateRule[] = [
  {
    reason: 'press-release marker',
    maxLength: 120,
    test: (text) => /^(?:for immediate release|press release|news release|media release|embargoed\b.*)\.?$/iu.test(text),
  },
  {
    reason: 'advertisement',
    maxLength: 60,
    test: (text) =>
      /^(?:advertisement|advert|ad|ads|sponsored(?: content)?|paid (?:post|content|partnership)|promoted(?: content)?|story continues below(?: advertisement)?|continue reading below|skip advert(?:isement)?|scroll to continue(?: with content)?)$/iu.test(text),
  },
  {
    reason: 'promotion',
    maxLength: 200,
    test: (text) =>
      /^(?:read more|read next|read also|also read|see also|see more|more|also|more on this(?: story)?|more from [^.:]{1,40}|related(?: stories| articles| coverage| content| links| reading| topics| news)?(?: from [^.:]{1,60}(?::[^.:]{1,30})?)?|recommended(?: for you| reading| stories)?|you (?:may|might) also (?:like|be interested in|enjoy)|don'?t miss|do not miss|most (?:read|popular|viewed)|top stories|more stories|editor's picks|watch|listen|video|podcast|click here|tell us what you think)\b\s*(?:[:»›>|→-]|\.{3}|…|$)/iu.test(text) ||
      /^(?:click here|follow us|follow (?:the latest|our live)|download (?:our|the) app|get (?:our|the) app)\b/iu.test(text) ||
      /\b(?:by )?click(?:ing)? here\b/iu.test(text),
  },
  {
    reason: 'share bar',
    maxLength: 200,
    test: (text) =>
      /^share (?:this|on|via|the|article|story|page)\b/iu.test(text) || /^share\s*[:]?$/iu.test(text) || SOCIAL_WORDS.test(text),
  },
  {
    reason: 'newsletter or subscription call',
    maxLength: 260,
    test: (text) =>
      (/\b(?:our|the|this|free|daily|weekly|morning|evening)\s+(?:[\p{L}-]+\s+)?newsletters?\b/iu.test(text) ||
        /^(?:subscribe|sign up|sign-up)(?:\s+(?:for|to|now|today|here|free|and|at|via|with|below)\b|\s*[:!.]?$)/iu.test(text) ||
        (/^(?:get (?:our|the)|join (?:our|us)|want more|enjoyed this|like this|don't miss|never miss|support (?:our|us)|become a (?:member|subscriber))\b/iu.test(text) &&
          /\b(?:newsletters?|inbox|e-?mails?|subscribe|subscription|sign up|members?|membership|updates|stories like this)\b/iu.test(text)) ||
        /\bsubscribe (?:now|today|here|for|to (?:our|the))\b/iu.test(text)) &&
      !/\b(?:said|says|told|according)\b/iu.test(text),
  },
  {
    reason: 'copyright line',
    maxLength: 200,
    test: (text) => /^(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))/iu.test(text) || /\ball rights reserved\b/iu.test(text),
  },
  {
    reason: 'wire trailer',
    maxLength: 400,
    test: (text) => {
      const credit = /^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|fact-?checking|graphics?|production)\s+by\s+(\S)/iu.exec(text);
      if (!credit || !/\p{Lu}/u.test(credit[1]!)) return false;
      return /^\(.*\)\.?$/u.test(text) || /;/u.test(text) || /^\p{Lu}[\p{L} ]+ by \p{Lu}[\p{L}'’ -]+\.?$/u.test(text);
    },
  },
  {
    reason: 'agency sign-off',
    maxLength: 40,
    test: (text) => /^(?:[-–—]{1,2}\s*)?\(?(?:AFP|Reuters|AP|PA|Bloomberg|dpa|Xinhua|NWS|ANSA|EFE|Kyodo|Yonhap)\)?(?:\s*\/\s*\w+)?$/u.test(text),
  },
  {
    reason: 'navigation',
    maxLength: 120,
    test: (text) =>
      /^(?:home|menu|skip to (?:main )?content|skip navigation|back to top|next article|previous article|next story|previous story|jump to|go to|return to [^.]{1,30})\b\s*[»›>|]?$/iu.test(text) ||
      /^(?:[\p{L}&' ]{1,24}\s*[|»›>]\s*){2,}[\p{L}&' ]{1,24}$/u.test(text),
  },
  {
    reason: 'cookie banner',
    maxLength: 400,
    test: (text) =>
      /\bcookies?\b/iu.test(text) &&
      /\b(?:we use (?:cookies|essential)|(?:site|website) uses cookies|uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|manage (?:your )?(?:preferences|settings|cookies))\b/iu.test(text),
  },
  {
    reason: 'image reference',
    maxLength: 300,
    test: (text) =>
      /^!\[/u.test(text) ||
      /^\[(?:image|img|photo|picture|graphic)[^\]]*\]$/iu.test(text) ||
      /^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$/iu.test(text) ||
      /^(?:image|img|photo|picture|graphic)\s*:\s*\S+\.(?:jpe?g|png|gif|webp|svg|avif)\b/iu.test(text),
  },
  {
    reason: 'tags',
    maxLength: 200,
    test: (text) => /^(?:topics|tags|filed under|categories)\s*:/iu.test(text),
  },
  {
    reason: 'comments prompt',
    maxLength: 120,
    test: (text) => /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/iu.test(text) || /^(?:join the (?:conversation|discussion)|leave a comment|show comments)\b/iu.test(text),
  },
  {
    reason: 'live page furniture',
    maxLength: 80,
    test: (text) =>
      /^(?:refresh(?: for (?:the latest )?updates)?|auto-?refresh(?: on| off)?|pinned(?: post)?|show key events(?: only)?|key events|live(?: updates| coverage| reporting)?|latest updates|load more(?: updates| posts)?|show (?:more|latest) (?:updates|posts))$/iu.test(text),
  },
];

/**
 * Why a block of text is page or wire boilerplate (promos, share bars,
 * newsletter calls, ads, copyright, trailers, navigation, cookie banners,
 * image references), or undefined when it is story text.
 */
export function boilerplateReason(text: string): string | undefined {
  for (const rule of RULES) {
    if (text.length <= rule.maxLength && rule.test(text)) return rule.reason;
  }
  return undefined;
}

/** An end mark after which a release or wire story has only boilerplate: `###`, `-ends-`, `ENDS`, `-30-`. */
export function isEndMark(text: string): boolean {
  return /^(?:#{3,}|-{1,2}\s*ends?\s*-{1,2}|ENDS|Ends|-\s*30\s*-|\*{3,}\s*ends?\s*\*{3,})$/u.test(text.trim());
}

/** A heading or line that opens a media-contact block: "Media contact:", "Press enquiries". */
export function isContactHeading(text: string): boolean {
  return (
    text.length <= 80 &&
    /^(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries|relations)\b|^(?:contacts?|notes? to editors?)\s*:?$|^for (?:more|further) information\b[^.]{0,80}\bcontact\b/iu.test(text)
  );
}

/** A short line of contact details: a name, e-mail address or phone number. */
export function isContactDetail(text: string): boolean {
  if (text.length > 160 || /[.!?]["”’]?$/u.test(text) && !/@|\+?\d[\d ()-]{6,}/u.test(text)) return false;
  return /@[\w-]+\.\w|\+?\d[\d ()-]{6,}\d|^(?:tel|phone|mobile|email|e-mail|web)\s*:/iu.test(text) || /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}(?:,\s*[^,]{1,60})?$/u.test(text);
}

/** A wire trailer at the end of a paragraph: `… (Reporting by X; Editing by Y)`. */
export function splitTrailingTrailer(text: string): { text: string; trailer: string } | undefined {
  const match = /\s*\((?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b[^()]{1,300}\)\s*$/iu.exec(text);
  if (!match || match.index === 0) return undefined;
  return { text: text.slice(0, match.index).trimEnd(), trailer: match[0].trim() };
}
