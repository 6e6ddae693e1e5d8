declare module 'ssml-builder' {
  /** Typing of the parts of ssml-builder this project uses. */
  export default class Speech {
    say(text: string): this;
    sentence(text: string): this;
    paragraph(text: string): this;
    pause(duration: string): this;
    emphasis(level: 'strong' | 'moderate' | 'reduced', text: string): this;
    prosody(attributes: { rate?: string; pitch?: string; volume?: string }, text: string): this;
    sub(alias: string, word: string): this;
    phoneme(alphabet: string, ph: string, word: string): this;
    sayAs(options: { word: string; interpret?: string; format?: string }): this;
    sayWithSSML(ssml: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
}
