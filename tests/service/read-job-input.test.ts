import { describe, expect, it } from 'vitest';
import { jobSourceName, readJobInput } from '../../src/service/read-job-input.js';

describe('a job’s article', () => {
  it('goes by posted: and the hash of its content, the same for the same content whatever its kind, and by its address for a URL', () => {
    const name = jobSourceName({ kind: 'text', value: 'Harbour reopens\n\nThe harbour reopened.' });
    expect(name).toMatch(/^posted:[0-9a-f]{32}$/);
    expect(jobSourceName({ kind: 'text', value: 'Harbour reopens\n\nThe harbour reopened.' })).toBe(name);
    expect(jobSourceName({ kind: 'text', value: 'Harbour reopens\n\nThe harbour reopened!' })).not.toBe(name);
    expect(jobSourceName({ kind: 'url', value: 'https://news.example/harbour' })).toBe('https://news.example/harbour');
  });

  it('is read from the request itself, under that name, in the format it was posted as', async () => {
    const read = await readJobInput({ kind: 'markdown', value: '# Harbour reopens\n\nThe harbour reopened on **Monday**.' }, {});
    expect(read.articles).toHaveLength(1);
    expect(read.articles[0]).toMatchObject({ title: 'Harbour reopens', source: jobSourceName({ kind: 'markdown', value: '# Harbour reopens\n\nThe harbour reopened on **Monday**.' }) });
    expect(read.articles[0]!.body).toEqual([{ type: 'paragraph', text: 'The harbour reopened on Monday.' }]);
  });

  it('is called "Posted article" when it has no title of its own, and says so', async () => {
    const read = await readJobInput({ kind: 'html', value: '<p>The harbour reopened on Monday after repairs.</p><p>Ferries run again.</p>' }, {});
    expect(read.articles[0]!.title).toBe('Posted article');
    expect(read.warnings.find((warning) => warning.code === 'INPUT_NO_TITLE')?.message).toMatch(/^posted:[0-9a-f]{32}: no title found; using "Posted article"$/);
  });

  it('refuses an empty article, naming it by its posted name', async () => {
    await expect(readJobInput({ kind: 'html', value: '<div> </div>' }, {})).rejects.toMatchObject({ code: 'INPUT_EMPTY', message: expect.stringMatching(/^posted:[0-9a-f]{32}: /) });
  });
});
