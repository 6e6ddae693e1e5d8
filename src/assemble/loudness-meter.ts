/**
 * Integrated loudness (ITU-R BS.1770-4, EBU R128) of mono 16-bit PCM,
 * measured as the audio streams past: K-weighting, 400 ms blocks every
 * 100 ms, an absolute gate at −70 LUFS and a relative gate 10 LU below.
 * The pipeline uses it to know the gain before the whole narration exists,
 * so encoding can overlap synthesis; the finished MP3 is still measured by
 * ffmpeg's own meter.
 */
export class LoudnessMeter {
  private readonly stage1: Biquad;
  private readonly stage2: Biquad;
  private readonly hop: number;
  /** Squared K-weighted samples of the current 100 ms hop. */
  private hopEnergy = 0;
  private hopFill = 0;
  /** Mean squares of the last four hops (one 400 ms block). */
  private readonly recentHops: number[] = [];
  /** Mean square of every complete 400 ms block. */
  private readonly blocks: number[] = [];
  private samples = 0;

  constructor(readonly sampleRate: number) {
    const [shelf, highPass] = kWeighting(sampleRate);
    this.stage1 = new Biquad(shelf);
    this.stage2 = new Biquad(highPass);
    this.hop = Math.round(sampleRate / 10);
  }

  /** Seconds of audio measured so far. */
  get seconds(): number {
    return this.samples / this.sampleRate;
  }

  /** Feeds little-endian 16-bit samples. */
  push(pcm: Uint8Array): void {
    const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength - (pcm.byteLength % 2));
    for (let offset = 0; offset < view.byteLength; offset += 2) {
      const weighted = this.stage2.process(this.stage1.process(view.getInt16(offset, true) / 32768));
      this.hopEnergy += weighted * weighted;
      this.hopFill += 1;
      if (this.hopFill === this.hop) this.closeHop();
    }
    this.samples += view.byteLength / 2;
  }

  /** Feeds `count` samples of silence. */
  pushSilence(count: number): void {
    this.push(new Uint8Array(count * 2));
  }

  private closeHop(): void {
    this.recentHops.push(this.hopEnergy / this.hop);
    if (this.recentHops.length > 4) this.recentHops.shift();
    if (this.recentHops.length === 4) this.blocks.push((this.recentHops[0]! + this.recentHops[1]! + this.recentHops[2]! + this.recentHops[3]!) / 4);
    this.hopEnergy = 0;
    this.hopFill = 0;
  }

  /** Integrated loudness in LUFS so far; −Infinity for silence or under 400 ms. */
  integrated(): number {
    const loudness = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);
    const absolute = this.blocks.filter((block) => block > 0 && loudness(block) > -70);
    if (absolute.length === 0) return Number.NEGATIVE_INFINITY;
    const relativeGate = loudness(absolute.reduce((sum, block) => sum + block, 0) / absolute.length) - 10;
    const gated = absolute.filter((block) => loudness(block) > relativeGate);
    return loudness(gated.reduce((sum, block) => sum + block, 0) / gated.length);
  }
}

type Coefficients = { b: [number, number, number]; a: [number, number] };

class Biquad {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly c: Coefficients) {}

  process(x: number): number {
    const y = this.c.b[0] * x + this.c.b[1] * this.x1 + this.c.b[2] * this.x2 - this.c.a[0] * this.y1 - this.c.a[1] * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** The two K-weighting filters of BS.1770 for any sample rate (as libebur128 derives them). */
function kWeighting(sampleRate: number): [Coefficients, Coefficients] {
  let f0 = 1681.974450955533;
  const gain = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gain / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Coefficients = {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Coefficients = {
    b: [1, -2, 1],
    a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  return [shelf, highPass];
}
