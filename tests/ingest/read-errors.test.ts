import { chmod, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/ingest/index.js';
import { failure } from '../helpers/expect-error.js';
import { withWarningsAsync } from '../helpers/with-warnings.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-ingest-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('ingestFile errors', () => {
  it('names a missing file', async () => {
    const path = join(folder, 'x.txt');
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_NOT_FOUND', message: `${path}: no such file` });
  });

  it('refuses a folder', async () => {
    const path = join(folder, 'dir');
    await mkdir(path);
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_UNREADABLE', message: `${path}: is a folder, not a file` });
  });

  it.each([
    ['empty.txt', ''],
    ['whitespace.txt', '\n\n   \t\n  \n'],
    ['invisible.txt', '\uFEFF\u200B \u00AD\n'],
    ['empty.md', '---\n\n***\n'],
    ['empty.html', '<html><head><title></title><script>var a = 1;</script></head><body><nav>Home</nav></body></html>'],
  ])('says %s has no readable text', async (name, content) => {
    const path = await write(name, content);
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_EMPTY', message: `${path}: has no readable text` });
  });

  it('says a binary file is not text', async () => {
    const bytes = new Uint8Array(4096);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919 + 13) % 256;
    const path = await write('binary.bin', bytes);
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_NOT_TEXT', message: `${path}: is not a text file` });
  });

  it('says a file of control characters is not text', async () => {
    const path = await write('control.txt', '\u0001\u0002\u0003\u0004abc\u0005\u0006\u0007\u0008');
    expect((await failure(ingestFile(path))).code).toBe('INPUT_NOT_TEXT');
  });

  it('refuses files over 50 MB', async () => {
    const path = join(folder, 'huge.txt');
    await writeFile(path, 'Title\n\nText.');
    await truncate(path, 50 * 1024 * 1024 + 1);
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_TOO_LARGE', message: `${path}: is larger than 50 MB` });
  });

  it.skipIf(process.getuid?.() === 0)('says when a file cannot be read', async () => {
    const path = await write('locked.txt', 'Title\n\nText.');
    await chmod(path, 0o000);
    expect(await failure(ingestFile(path))).toEqual({ code: 'INPUT_UNREADABLE', message: `${path}: permission denied` });
  });

  it('gives one-line messages', async () => {
    const { message } = await failure(ingestFile(join(folder, 'missing\nname.txt')));
    expect(message.split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('ingest decoding', () => {
  it('drops undecodable UTF-8 bytes with a warning naming the file', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Budget approved\n\nThe council approved the budget '),
      0xff, 0xfe,
      ...new TextEncoder().encode(' with 31 votes.'),
    ]);
    const path = await write('invalid.txt', bytes);
    const { articles, warnings } = await withWarningsAsync((context) => ingestFile(path, { context }));
    expect(articles[0]!.body).toEqual([{ type: 'paragraph', text: 'The council approved the budget with 31 votes.' }]);
    expect(warnings).toEqual([{ code: 'INPUT_INVALID_UTF8', source: path, message: `${path}: undecodable bytes dropped`, stage: 'ingest' }]);
  });

  it('reads UTF-8 with a byte order mark', async () => {
    const path = await write('bom.txt', '\uFEFFCafé reopens\n\nThe café reopened.');
    const { articles } = await ingestFile(path);
    expect(articles[0]!.title).toBe('Café reopens');
  });

  it.each([
    ['utf-16le', true],
    ['utf-16be', false],
  ])('reads %s with a byte order mark', async (name, littleEndian) => {
    const text = 'Zoë’s café reopens\n\nThe café “reopened” on Monday.';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = littleEndian ? 0xff : 0xfe;
    bytes[1] = littleEndian ? 0xfe : 0xff;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      bytes[2 + index * 2] = littleEndian ? code & 0xff : code >> 8;
      bytes[3 + index * 2] = littleEndian ? code >> 8 : code & 0xff;
    }
    const path = await write(`${name}.txt`, bytes);
    const { articles, warnings } = await withWarningsAsync((context) => ingestFile(path, { context }));
    expect(warnings).toEqual([]);
    expect(articles[0]!.title).toBe('Zoë’s café reopens');
    expect(articles[0]!.body[0]!.text).toBe('The café “reopened” on Monday.');
  });

  it('accepts bytes in ingestText', () => {
    const { articles } = ingestText(new TextEncoder().encode('Title\n\nBody.'), 'bytes.txt', 'text');
    expect(articles[0]!.body).toEqual([{ type: 'paragraph', text: 'Body.' }]);
  });
});

describe('ingestFile sources', () => {
  it('reads standard input for "-" and sniffs its format', async () => {
    async function* stdin() {
      yield '# From a pipe\n\nPiped ';
      yield new TextEncoder().encode('*text*.');
    }
    const { articles } = await ingestFile('-', { stdin: stdin() });
    expect(articles[0]).toMatchObject({ title: 'From a pipe', source: '-', body: [{ type: 'paragraph', text: 'Piped text.' }] });
  });

  it('says when standard input is empty', async () => {
    async function* stdin() {
      yield '';
    }
    expect(await failure(ingestFile('-', { stdin: stdin() }))).toEqual({ code: 'INPUT_EMPTY', message: '-: has no readable text' });
  });

  it('forces the language when asked', async () => {
    const path = await write('lang.html', '<html lang="de"><body><article><h1>Titel</h1><p>Text hier.</p></article></body></html>');
    expect((await ingestFile(path)).articles[0]!.language).toBe('de');
    expect((await ingestFile(path, { language: 'fr' })).articles[0]!.language).toBe('fr');
    const text = await write('lang.txt', 'Title\n\nText.');
    expect((await ingestFile(text)).articles[0]!.language).toBe('en');
  });
});
