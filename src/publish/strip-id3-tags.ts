const HEADER_LENGTH = 10;
const ID3V1_LENGTH = 128;
const FOOTER_FLAG = 0x10;

/**
 * The audio of an MP3 without its tags: every ID3v2 tag at the start
 * (ffmpeg's included, padding and all), an appended ID3v2.4 tag with a
 * footer, and an ID3v1 tag at the end. The bytes are shared with `data`.
 */
export function stripId3Tags(data: Uint8Array): Uint8Array {
  let start = 0;
  for (let size = id3v2Size(data, start, 'ID3'); size !== undefined; size = id3v2Size(data, start, 'ID3')) {
    start += size;
  }
  let end = data.length;
  if (end - start >= ID3V1_LENGTH && ascii(data, end - ID3V1_LENGTH, 3) === 'TAG') end -= ID3V1_LENGTH;
  if (end - start >= HEADER_LENGTH) {
    const footer = id3v2Size(data, end - HEADER_LENGTH, '3DI');
    if (footer !== undefined && footer <= end - start) end -= footer;
  }
  return data.subarray(Math.min(start, end), end);
}

/**
 * Whole length of the ID3v2 tag (header, frames, padding, footer) whose
 * header or footer (`marker` 'ID3' or '3DI') is at `offset`; undefined when
 * there is none.
 */
function id3v2Size(data: Uint8Array, offset: number, marker: 'ID3' | '3DI'): number | undefined {
  if (offset < 0 || data.length - offset < HEADER_LENGTH || ascii(data, offset, 3) !== marker) return undefined;
  const major = data[offset + 3]!;
  if (major < 2 || major > 4 || data[offset + 4] === 0xff) return undefined;
  const sizeBytes = data.subarray(offset + 6, offset + 10);
  if (sizeBytes.some((byte) => byte & 0x80)) return undefined;
  const size = (sizeBytes[0]! << 21) | (sizeBytes[1]! << 14) | (sizeBytes[2]! << 7) | sizeBytes[3]!;
  const hasFooter = (data[offset + 5]! & FOOTER_FLAG) !== 0 || marker === '3DI';
  return HEADER_LENGTH + size + (hasFooter ? HEADER_LENGTH : 0);
}

function ascii(data: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...data.subarray(offset, offset + length));
}

/**
 * True when `audio` begins with an MPEG audio frame, allowing for a little
 * zero padding left by a tag writer.
 */
export function startsWithMpegFrame(audio: Uint8Array): boolean {
  let offset = 0;
  while (offset < audio.length && offset < 4096 && audio[offset] === 0) offset += 1;
  return audio.length - offset >= 4 && audio[offset] === 0xff && (audio[offset + 1]! & 0xe0) === 0xe0;
}
