/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`) ported to TypeScript: `\w+` tokens, 4-token shingles counted
 * with multiplicity, per-page true/false positives and negatives normalized to
 * sum 1, precision and recall averaged over pages, F1 from the two averages.
 */

/** Normalized true positives, false positives and false negatives of one page. */
export type ShingleCounts = readonly [truePositive: number, falsePositive: number, falseNegative: number];

/** Precision, recall and F1 over a set of pages. */
export interface ExtractionMetrics {
  f1: number;
  precision: number;
  recall: number;
}

/** Python's `\w` with `re.UNICODE`: letters, numbers and the underscore (combining marks are not word characters). */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** The `\w+` tokens of a text, case kept. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, size: number): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let index = 0; index < Math.max(1, tokens.length - size + 1); index++) {
    const shingle = tokens.slice(index, index + size);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page's shingle matching between the true and the predicted article body. */
export function shingleMatching(truth: string, prediction: string, size = 4): ShingleCounts {
  const expected = shingles(truth, size);
  const predicted = shingles(prediction, size);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const key of new Set([...expected.keys(), ...predicted.keys()])) {
    const wanted = expected.get(key) ?? 0;
    const found = predicted.get(key) ?? 0;
    truePositive += Math.min(wanted, found);
    falsePositive += Math.max(0, found - wanted);
    falseNegative += Math.max(0, wanted - found);
  }
  const sum = truePositive + falsePositive + falseNegative;
  return sum > 0 ? [truePositive / sum, falsePositive / sum, falseNegative / sum] : [0, 0, 0];
}

function precisionOf([truePositive, falsePositive, falseNegative]: ShingleCounts): number {
  if (falsePositive === 0 && falseNegative === 0) return 1;
  if (truePositive === 0 && falsePositive === 0) return 0;
  return truePositive / (truePositive + falsePositive);
}

function recallOf([truePositive, falsePositive, falseNegative]: ShingleCounts): number {
  if (falsePositive === 0 && falseNegative === 0) return 1;
  if (truePositive === 0 && falseNegative === 0) return 0;
  return truePositive / (truePositive + falseNegative);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The benchmark's averages: pages with nothing predicted leave precision's average, pages with nothing expected leave recall's. */
export function metricsOf(pages: readonly ShingleCounts[]): ExtractionMetrics {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
