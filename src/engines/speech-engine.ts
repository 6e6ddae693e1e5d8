/**
 * The speech engine contract, at the path the rest of the code imports it
 * from. The contract itself lives in `./spec/`, which imports no stage.
 *
 * @module
 */
export * from './spec/index.js';
