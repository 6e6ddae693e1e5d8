import { open } from 'node:fs/promises';

/**
 * The first `bytes` bytes of a file (fewer when it is shorter) and its size,
 * through one open handle, so both describe the same file even if it is
 * replaced meanwhile. Undefined when it cannot be opened; an error reading
 * it is thrown.
 */
export async function readFileHead(path: string, bytes: number): Promise<{ start: Uint8Array; size: number } | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    const { size } = await handle.stat();
    return { start: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** The first `bytes` bytes of a file (fewer when it is shorter); undefined when it cannot be opened or read. */
export async function readFileStart(path: string, bytes: number): Promise<Uint8Array | undefined> {
  try {
    return (await readFileHead(path, bytes))?.start;
  } catch {
    return undefined;
  }
}
