const KIB = 1024;
const MIB = 1024 * 1024;

/** A byte count for a message: "10 MB", "1.5 MB", "512 KB", "100 bytes" (binary units, as the ingest limits use). */
export function formatByteSize(bytes: number): string {
  if (bytes >= MIB) return `${round(bytes / MIB)} MB`;
  if (bytes >= KIB) return `${round(bytes / KIB)} KB`;
  return `${bytes} bytes`;
}

/** A duration in seconds for a message: 15000 gives "15 s", 250 gives "0.25 s". */
export function formatSeconds(milliseconds: number): string {
  return `${Math.round(milliseconds) / 1000} s`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
