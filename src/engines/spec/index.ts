/**
 * The speech engine spec: types only (and the spec version), importing no
 * stage, so that an engine written against it depends on nothing else.
 *
 * @module
 */
export * from './speech-engine.js';
export type * from './ssml-dialect.js';
export type * from './engine-definition.js';
