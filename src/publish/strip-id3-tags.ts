const HEADER_LENGTH = 10;
const ID3V1_LENGTH = 128;
const FOOTER_FLAG = 0x10;
/** How far past the tags a little zero padding may push the first MPEG frame. */
const MAX_LEADING_PADDING = 4096;

/** Random access to the bytes of a file or buffer. */
export interface ByteSource {
  /** Length in bytes. */
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Where the audio of an MP3 lies, between its tags: bytes `start` to `end` (exclusive). */
export interface AudioByteRange {
  start: number;
  end: number;
}

/**
 * Finds the audio of an MP3 between its tags without reading the audio:
 * every ID3v2 tag at the start (ffmpeg's included, padding and all), an
 * appended ID3v2.4 tag with a footer, and an ID3v1 tag at the end are left
 * out. Only the tag headers and the last bytes are read, so a file of any
 * length costs the same memory.
 */
export async function findAudioByteRange(source: ByteSource): Promise<AudioByteRange> {
  let start = 0;
  for (let size = id3v2Size(await source.read(start, HEADER_LENGTH), 'ID3'); size !== undefined; size = id3v2Size(await source.read(start, HEADER_LENGTH), 'ID3')) {
    start += size;
  }
  let end = source.size;
  if (end - start >= ID3V1_LENGTH && ascii(await source.read(end - ID3V1_LENGTH, 3)) === 'TAG') end -= ID3V1_LENGTH;
  if (end - start >= HEADER_LENGTH) {
    const footer = id3v2Size(await source.read(end - HEADER_LENGTH, HEADER_LENGTH), '3DI');
    if (footer !== undefined && footer <= end - start) end -= footer;
  }
  return { start: Math.min(start, end), end };
}

/** A {@link ByteSource} over bytes already in memory. */
export function bufferByteSource(data: Uint8Array): ByteSource {
  return { size: data.length, read: async (offset, length) => data.subarray(offset, offset + length) };
}

/**
 * The audio of an MP3 held in memory without its tags (see
 * {@link findAudioByteRange}). The bytes are shared with `data`.
 */
export async function stripId3Tags(data: Uint8Array): Promise<Uint8Array> {
  const { start, end } = await findAudioByteRange(bufferByteSource(data));
  return data.subarray(start, end);
}

/**
 * Whole length of the ID3v2 tag (header, frames, padding, footer) whose
 * header or footer (`marker` 'ID3' or '3DI') is `header`; undefined when
 * it is no such header.
 */
function id3v2Size(header: Uint8Array, marker: 'ID3' | '3DI'): number | undefined {
  if (header.length < HEADER_LENGTH || ascii(header.subarray(0, 3)) !== marker) return undefined;
  const major = header[3]!;
  if (major < 2 || major > 4 || header[4] === 0xff) return undefined;
  const sizeBytes = header.subarray(6, 10);
  if (sizeBytes.some((byte) => byte & 0x80)) return undefined;
  const size = (sizeBytes[0]! << 21) | (sizeBytes[1]! << 14) | (sizeBytes[2]! << 7) | sizeBytes[3]!;
  const hasFooter = (header[5]! & FOOTER_FLAG) !== 0 || marker === '3DI';
  return HEADER_LENGTH + size + (hasFooter ? HEADER_LENGTH : 0);
}

function ascii(data: Uint8Array): string {
  return String.fromCharCode(...data);
}

/** How many leading bytes of the audio {@link startsWithMpegFrame} needs to look at. */
export const MPEG_FRAME_PROBE_LENGTH = MAX_LEADING_PADDING + 4;

/**
 * True when `audio` begins with an MPEG audio frame, allowing for a little
 * zero padding left by a tag writer.
 */
export function startsWithMpegFrame(audio: Uint8Array): boolean {
  let offset = 0;
  while (offset < audio.length && offset < MAX_LEADING_PADDING && audio[offset] === 0) offset += 1;
  return audio.length - offset >= 4 && audio[offset] === 0xff && (audio[offset + 1]! & 0xe0) === 0xe0;
}
