/** A local static server for previewing the output folder: episodes, show page and feed. */
export { serveFolder, type ServeOptions, type ServedFolder } from './serve-folder.js';
export { parseRange, type RangeRequest } from './byte-range.js';
export { contentTypeFor } from './content-type.js';
export { resolveRequestPath, type ResolvedPath } from './resolve-request-path.js';
