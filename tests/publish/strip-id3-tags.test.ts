import { describe, expect, it } from 'vitest';
import { startsWithMpegFrame, stripId3Tags } from '../../src/publish/strip-id3-tags.js';

/** An ID3v2 header for a tag of `size` bytes after the header. */
function id3v2(size: number, major = 4, flags = 0, marker = 'ID3'): Buffer {
  const header = Buffer.alloc(10);
  header.write(marker, 0, 'latin1');
  header[3] = major;
  header[5] = flags;
  header[6] = (size >> 21) & 0x7f;
  header[7] = (size >> 14) & 0x7f;
  header[8] = (size >> 7) & 0x7f;
  header[9] = size & 0x7f;
  return header;
}

const audio = Buffer.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3, 4, 5, 6, 7, 8]);

describe('stripId3Tags', () => {
  it('removes every ID3v2 tag at the start, padding included', async () => {
    const data = Buffer.concat([id3v2(300, 4), Buffer.alloc(300, 7), id3v2(20, 3), Buffer.alloc(20), audio]);
    expect(Buffer.from(await stripId3Tags(data)).equals(audio)).toBe(true);
  });

  it('removes a tag with a footer, an appended ID3v2.4 tag and an ID3v1 tag', async () => {
    const id3v1 = Buffer.alloc(128);
    id3v1.write('TAGOld title', 0, 'latin1');
    const data = Buffer.concat([
      id3v2(16, 4, 0x10), Buffer.alloc(16), id3v2(16, 4, 0x10, '3DI'),
      audio,
      id3v2(8, 4, 0x10), Buffer.alloc(8), id3v2(8, 4, 0x10, '3DI'),
      id3v1,
    ]);
    expect(Buffer.from(await stripId3Tags(data)).equals(audio)).toBe(true);
  });

  it('leaves untagged audio and bytes that only look like a tag alone', async () => {
    expect(Buffer.from(await stripId3Tags(audio)).equals(audio)).toBe(true);
    const fake = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0x80, 0, 0, 0]), audio]);
    expect(await stripId3Tags(fake)).toHaveLength(fake.length);
  });

  it('tells MPEG audio from other bytes', () => {
    expect(startsWithMpegFrame(audio)).toBe(true);
    expect(startsWithMpegFrame(Buffer.concat([Buffer.alloc(32), audio]))).toBe(true);
    expect(startsWithMpegFrame(Buffer.from('not audio'))).toBe(false);
    expect(startsWithMpegFrame(Buffer.alloc(0))).toBe(false);
  });
});
