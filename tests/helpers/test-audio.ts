/**
 * Real audio for engine tests: 16-bit PCM sine tones and WAV files, plus
 * measurements to check what an engine returned.
 */

/** A sine tone as signed 16-bit little-endian mono PCM. */
export function sinePcm16(durationMs: number, sampleRate: number, frequency = 440, amplitude = 0.4): Uint8Array {
  const samples = Math.round((durationMs / 1000) * sampleRate);
  const buffer = Buffer.alloc(samples * 2);
  for (let index = 0; index < samples; index += 1) {
    const value = Math.round(Math.sin((2 * Math.PI * frequency * index) / sampleRate) * amplitude * 32767);
    buffer.writeInt16LE(value, index * 2);
  }
  return new Uint8Array(buffer);
}

/** A canonical 44-byte-header RIFF/WAVE file around 16-bit PCM. */
export function wavFile(pcm: Uint8Array, sampleRate: number, channels = 1): Uint8Array {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return new Uint8Array(Buffer.concat([header, pcm]));
}

/** Length in milliseconds of 16-bit mono PCM. */
export function pcm16DurationMs(pcm: Uint8Array, sampleRate: number): number {
  return (pcm.length / 2 / sampleRate) * 1000;
}

/** Root mean square of 16-bit PCM, 0 (silence) to 1 (full scale). */
export function pcm16Rms(pcm: Uint8Array): number {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const samples = Math.floor(pcm.length / 2);
  if (samples === 0) return 0;
  let sum = 0;
  for (let index = 0; index < samples; index += 1) {
    const value = view.getInt16(index * 2, true) / 32768;
    sum += value * value;
  }
  return Math.sqrt(sum / samples);
}

/** The words of a text or SSML document, tags removed. */
export function spokenWords(input: string): string[] {
  return input
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** How long the fake vendors make the audio for an input: 120 ms a word plus 100 ms. */
export function fakeSpeechDurationMs(input: string): number {
  return 100 + 120 * spokenWords(input).length;
}
