import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLargeError } from './input-errors.js';

/**
 * Reads the bytes of an input file, or of standard input when `path` is `-`.
 *
 * @param stdin - the stream read for `-`; defaults to the process's standard input
 * @throws BriefingError `INPUT_NOT_FOUND`, `INPUT_UNREADABLE` (a folder, no
 *   permission) or `INPUT_TOO_LARGE`; the message starts with the path
 */
export async function readInput(path: string, stdin?: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  if (path === '-') return readStream(stdin ?? process.stdin, path);
  let size: number;
  let regular: boolean;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new BriefingError('INPUT_UNREADABLE', `${path}: is a folder, not a file`);
    }
    size = info.size;
    regular = info.isFile();
  } catch (error) {
    throw toInputError(error, path);
  }
  if (size > MAX_INPUT_BYTES) throw tooLargeError(path);
  // Pipes and devices report no size: read them as a stream that stops at the limit.
  if (!regular) {
    const stream = createReadStream(path);
    try {
      return await readStream(stream, path);
    } finally {
      stream.destroy();
    }
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw toInputError(error, path);
  }
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      if (total > MAX_INPUT_BYTES) throw tooLargeError(name);
      chunks.push(bytes);
    }
  } catch (error) {
    throw toInputError(error, name);
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

function toInputError(error: unknown, name: string): BriefingError {
  if (error instanceof BriefingError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new BriefingError('INPUT_NOT_FOUND', `${name}: no such file`, { cause: error });
    case 'EISDIR':
      return new BriefingError('INPUT_UNREADABLE', `${name}: is a folder, not a file`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new BriefingError('INPUT_UNREADABLE', `${name}: permission denied`, { cause: error });
    default:
      return new BriefingError('INPUT_UNREADABLE', `${name}: cannot be read${code ? ` (${code})` : ''}`, {
        cause: error,
      });
  }
}
