/** Redis key marking a job cancelled, so a retry or a worker that missed the message does not build it. */
export function cancelledKey(jobId: string): string {
  return `briefing:cancelled:${jobId}`;
}
