import type { EngineCapabilities } from '../spec/index.js';

/** What a command template makes of the command engine. */
export interface CommandShape {
  input: 'text' | 'ssml';
  /** SSML tags the program honours (`input: 'ssml'`). */
  ssmlTags: readonly string[];
  /** Characters a request. */
  maxInput: number;
  /** True when the template passes the speaking rate (`{rate}`, `{wpm}` or `{lengthScale}`). */
  followsRate: boolean;
}

/** The command engine's capabilities for a template of this shape: standard SSML, or text played by the pipeline. */
export function commandCapabilities(shape: CommandShape): EngineCapabilities {
  const common = { maxInput: shape.maxInput, inputUnit: 'chars', wordTimings: false, network: false, embedded: false } as const;
  return shape.input === 'ssml'
    ? { input: 'ssml', ssmlTags: shape.ssmlTags, ...common }
    : { input: 'text', ...common, ...(shape.followsRate ? { prosody: ['rate'] as const } : {}) };
}
