/** What a `Range` header asks of a file of a given size. */
export type RangeRequest =
  /** No usable range: send the whole file with 200. */
  | { kind: 'whole' }
  /** One satisfiable range, inclusive byte positions: send it with 206. */
  | { kind: 'partial'; start: number; end: number }
  /** No range overlaps the file: answer 416. */
  | { kind: 'unsatisfiable' };

type Spec = { start: number; end: number } | 'unsatisfiable';

function parseSpec(spec: string, size: number): Spec | undefined {
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(spec);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * Reads a `Range` header (RFC 9110 §14) for a file of `size` bytes:
 * `bytes=a-b`, `bytes=a-` and the suffix form `bytes=-n`. A header in
 * another unit or with a malformed range is ignored (the whole file), as is
 * a request for several ranges that any part of the file satisfies; a
 * request none of whose ranges overlaps the file is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').filter((spec) => spec.trim() !== '');
  const parsed = specs.map((spec) => parseSpec(spec, size));
  if (parsed.length === 0 || parsed.some((spec) => spec === undefined)) return { kind: 'whole' };
  const satisfiable = parsed.filter((spec): spec is { start: number; end: number } => spec !== 'unsatisfiable' && spec !== undefined);
  if (satisfiable.length === 0) return { kind: 'unsatisfiable' };
  if (parsed.length > 1) return { kind: 'whole' };
  return { kind: 'partial', ...satisfiable[0]! };
}
