import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue } from 'bullmq';

/** The Prometheus metrics of the API process. */
export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'route' | 'status'>;
  /** Records a finished job's figures, as the queue reports it. */
  recordCompleted(result: { buildSeconds?: number; synthesisSeconds?: number; publishSeconds?: number; durationMs?: number; synthesis?: { cacheHits?: number; cacheMisses?: number } }): void;
}

/**
 * Metrics: jobs by state and queue depth (read from Redis at each scrape),
 * synthesis seconds (the speech engine's stage, fanned-out parts included),
 * build seconds (the whole job), publish seconds (the serialized step), audio seconds, cache hits, HTTP requests.
 */
export function createApiMetrics(queue: Queue): ApiMetrics {
  const registry = new Registry();
  const counts = async () => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'paused');
  new Gauge({
    name: 'briefing_jobs',
    help: 'Build jobs by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      for (const [state, count] of Object.entries(await counts())) this.set({ state }, count);
    },
  });
  new Gauge({
    name: 'briefing_queue_depth',
    help: 'Build jobs waiting for a worker',
    registers: [registry],
    async collect() {
      const now = await counts();
      this.set((now.waiting ?? 0) + (now.prioritized ?? 0) + (now.delayed ?? 0));
    },
  });
  const buckets = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800];
  const synthesisSeconds = new Histogram({ name: 'briefing_synthesis_seconds', help: 'Seconds spent synthesizing the speech of an episode (its fanned-out parts added up)', buckets, registers: [registry] });
  const buildSeconds = new Histogram({ name: 'briefing_build_seconds', help: 'Seconds a build job took from start to published episode (reading, synthesis, assembly, encoding, publishing)', buckets, registers: [registry] });
  const publishSeconds = new Histogram({ name: 'briefing_publish_seconds', help: 'Seconds a job held the publishing lock (feed, show page): the step all workers take in turn', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10], registers: [registry] });
  const audioSeconds = new Counter({ name: 'briefing_audio_seconds_total', help: 'Seconds of audio built', registers: [registry] });
  const cacheHits = new Counter({ name: 'briefing_cache_hits_total', help: 'Speech requests served from the shared cache', registers: [registry] });
  const cacheMisses = new Counter({ name: 'briefing_cache_misses_total', help: 'Speech requests sent to the engine', registers: [registry] });
  const requests = new Counter({ name: 'briefing_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'] as const, registers: [registry] });
  return {
    registry,
    requests,
    recordCompleted(result) {
      if (typeof result.synthesisSeconds === 'number') synthesisSeconds.observe(result.synthesisSeconds);
      if (typeof result.buildSeconds === 'number') buildSeconds.observe(result.buildSeconds);
      if (typeof result.publishSeconds === 'number') publishSeconds.observe(result.publishSeconds);
      if (typeof result.durationMs === 'number') audioSeconds.inc(result.durationMs / 1000);
      cacheHits.inc(result.synthesis?.cacheHits ?? 0);
      cacheMisses.inc(result.synthesis?.cacheMisses ?? 0);
    },
  };
}
