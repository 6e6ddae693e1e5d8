import { open } from 'node:fs/promises';

/** The first `bytes` bytes of a file (fewer when it is shorter); undefined when it cannot be opened or read. */
export async function readFileStart(path: string, bytes: number): Promise<Uint8Array | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
