// The pipeline behind `build`, `segments` and `ssml`, imported on demand by
// run-cli.ts so that lighter commands never load parsers, engines or ffmpeg.
export { buildBriefing } from '../pipeline/build-briefing.js';
export { prepareBriefing } from '../pipeline/prepare-briefing.js';
export { checkPublishable, publishEpisode } from '../pipeline/publish-episode.js';
export { defaultMusic } from '../assemble/music-mix.js';
export { estimateBriefing } from '../synthesize/estimate.js';
export { BriefingMemory, memoryPath } from '../memory/index.js';
export { asDiskFull } from '../disk-full.js';
export { formatEstimate, labelledRequests } from './format-estimate.js';
export { ProgressReporter } from './progress-reporter.js';
export { summarizeWarnings } from './warnings-summary.js';
export { showForBuild } from './show-for-build.js';
