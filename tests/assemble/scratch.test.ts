import { it } from 'vitest';
import { defaultMusic, planMusicMix } from '../../src/assemble/music-mix.js';
import { measureMixInputs, musicMixGraph, resolveFfmpegPath } from '../../src/assemble/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { writeFileSync } from 'node:fs';
const ff = resolveFfmpegPath();
it('scratch', async () => {
  const music = defaultMusic();
  const m = await measureMixInputs('/tmp/mx/speech20.wav', [music.intro, music.bed, music.outro], ff);
  const plan = planMusicMix('/tmp/mx/speech20.wav', music, m, PODCAST_LOUDNESS);
  const g = musicMixGraph(plan, { limiterCeilingDb: -2.2 });
  writeFileSync('/tmp/mx/graph.txt', g.graph); writeFileSync('/tmp/mx/inputs.txt', g.inputs.map(i => `-i ${i}`).join(' '));
}, 300000);
