import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSpeechEngine } from 'briefing/testing';
import { createCommandEngine } from '../../../src/engines/command/command-engine.js';
import { FAKE_TTS } from '../../helpers/fake-tts-program.js';

let folder: string;

/** The fake program as a user would drive a real one, as text or as SSML. */
const command = (input: 'text' | 'ssml') => ({
  setup: async () => {
    folder = await mkdtemp(join(tmpdir(), 'briefing-command-conformance-'));
    await writeFile(join(folder, 'fake-tts.mjs'), FAKE_TTS);
    return () => rm(folder, { recursive: true, force: true });
  },
  make: () =>
    createCommandEngine({
      options: {
        command: `${process.execPath} ${join(folder, 'fake-tts.mjs')} --voice {voice} --in {input} --out {out} --hang-if ${join(folder, 'hang')}`,
        voices: 'narrator,reader',
        input,
      },
    }),
  stall: () => writeFile(join(folder, 'hang'), ''),
});

testSpeechEngine({ name: 'command', ...command('text') });
testSpeechEngine({ name: 'command with SSML input', ...command('ssml') });
