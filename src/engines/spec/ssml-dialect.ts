/**
 * The one escaped way to write markup. The renderer hands it to a dialect's
 * hooks, so an engine folder writes its vendor's elements without string
 * templates and without importing the SSML stage.
 */
export interface SsmlMarkup {
  /**
   * `<name a='…'>content</name>`, or `<name a='…'/>` when `content` is
   * undefined. Attribute values are escaped (undefined ones are left out);
   * `content` is markup already (escaped text or other elements).
   */
  element(name: string, attributes: Readonly<Record<string, string | number | undefined>>, content?: string): string;
  /** `text` escaped for element content or an attribute value. */
  escape(text: string): string;
}

/** What a document is spoken with. */
export interface SsmlFrame {
  /** BCP 47 language of the block. */
  language: string;
  /** The main voice of the request. */
  voice: string;
}

/**
 * An engine's SSML dialect: what it needs beyond standard W3C SSML 1.1.
 * Every hook is optional; what a dialect leaves out is rendered as standard
 * SSML, restricted to the engine's `capabilities.ssmlTags`.
 */
export interface SsmlDialect {
  /** Short name shown by `briefing engines` (e.g. `azure`). */
  readonly name: string;
  /**
   * The document around the rendered content. Default: the W3C SSML 1.1
   * root, `<speak version='1.1' xmlns='…' xml:lang='…'>`.
   */
  document?(content: string, frame: SsmlFrame, markup: SsmlMarkup): string;
  /**
   * Article text as the engine must receive it. Default: XML-escaped. A
   * dialect whose input is not XML (plain text with a few tags) replaces it,
   * and must still make sure no article text can become one of those tags.
   */
  text?(text: string): string;
  /** A pause of `ms` milliseconds. Default: `<break time='…ms'/>`. */
  pause?(ms: number, markup: SsmlMarkup): string;
  /**
   * False when the engine takes no lexicon substitutions (`<sub>`,
   * `<phoneme>`) even where its tags list them: the spoken words are sent.
   */
  substitutions?: boolean;
  /**
   * False when a second voice cannot be nested inside the document: quoted
   * speech then keeps the main voice, with a warning.
   */
  nestedVoice?: boolean;
}
