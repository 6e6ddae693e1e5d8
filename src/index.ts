/**
 * briefing as a library: every stage of the pipeline, the engines and the
 * whole build, as typed functions over plain data.
 */
export { BriefingError, isBriefingError, type BriefingErrorCode } from './errors.js';

export type { Article, BodyNode, StageWarning } from './ingest/article.js';
export { RunContext, STAGE_NAMES, type RunWarning, type StageName, type StageReporter } from './platform/run-context.js';
export { ingestFile, ingestText, detectFormat } from './ingest/index.js';
export { readSources, type SourceOptions, type SourceResult } from './sources/index.js';
export { BriefingMemory, memoryPath } from './memory/index.js';

export type { BlockKind, NarrationBlock, SegmentedStory, Sentence, TextRun, DroppedText } from './segment/narration-block.js';
export { segmentArticle, splitSentences } from './segment/index.js';

export type { SpeechBlock, SpeechPiece, SpeechRun, SpeechSentence } from './normalize/speech-block.js';
export { normalizeText, type NormalizeOptions } from './normalize/normalize-text.js';
export { normalizeBlocks, type NormalizeBlocksOptions } from './normalize/normalize-blocks.js';
export { loadLexicon, defaultLexicon, mergeLexicons, type Lexicon, type LexiconEntry } from './normalize/lexicon.js';
export { parseLexicon } from './normalize/lexicon-file.js';

export { renderBlock, type RenderedBlock, type PlannedRequest, type RenderSettings } from './ssml/render-block.js';
export { renderSsml, type SsmlTarget } from './ssml/render-ssml.js';
export { DEFAULT_PAUSES, pauseAfter, type PauseSettings } from './ssml/pauses.js';
export { DEFAULT_QUOTE_STYLE, type EmphasisLevel, type QuoteStyle } from './ssml/speech-plan.js';

export * from './engines/speech-engine.js';
export { createEngine, BUILT_IN_ENGINES, DEFAULT_ENGINE } from './engines/registry.js';
export { describeEngines, type EngineDescription } from './engines/describe-engines.js';

export { synthesizeBlocks, type SynthesizeOptions, type SynthesisOutput, type SynthesisProgress } from './synthesize/synthesize-blocks.js';
export { AudioCache, defaultCacheDirectory, cacheKey } from './synthesize/audio-cache.js';
export { estimateBriefing, pricePerMillion, type BriefingEstimate } from './synthesize/estimate.js';
export type { SynthesizedBlock, SynthesisStats, AudioPiece, SilencePiece } from './synthesize/synthesized-block.js';

export { buildTimeline, type Timeline, type TimedBlock } from './assemble/timeline.js';
export { PODCAST_LOUDNESS, type LoudnessTarget } from './assemble/loudness.js';
export { assembleEpisode, type AssembledEpisode } from './assemble/assemble-episode.js';
export { encodeWithMusic, defaultMusic, shiftTimedBlocks, type MusicSettings } from './assemble/music-mix.js';
export { measureLoudness, resolveFfmpegPath, type LoudnessMeasurement } from './platform/ffmpeg.js';

export type { Manifest, ManifestBlock, ManifestChapter, ManifestStory, ManifestFile } from './publish/manifest.js';
export { buildCaptionCues, type CaptionCue } from './publish/captions.js';
export { renderWebVtt } from './publish/render-webvtt.js';
export { renderSrt } from './publish/render-srt.js';
export {
  renderTranscriptText,
  renderTranscriptHtml,
  transcriptModel,
  transcriptBodyHtml,
  transcriptTitleHtml,
  type TranscriptModel,
  type TranscriptSection,
  type TranscriptStory,
  type TranscriptPart,
  type TranscriptBlock,
  type TranscriptSentence,
  type TranscriptRun,
  type TranscriptChapter,
} from './publish/transcript.js';
export { renderChaptersJson } from './publish/chapters-json.js';
export { writeEpisodeTags } from './publish/id3-tags.js';
export { EPISODE_FILES } from './publish/write-episode-files.js';

export { buildBriefing, type BuildResult } from './pipeline/build-briefing.js';
export { prepareBriefing, type PreparedBriefing } from './pipeline/prepare-briefing.js';
export type { BuildOptions, PrepareOptions, BuildProgress } from './pipeline/build-options.js';
export { DEFAULT_FRAME, DEFAULT_MAX_HEADLINES, headlinesSentence, type FrameTemplates } from './pipeline/briefing-frame.js';
export { checkPublishable, publishEpisode, type PublishResult } from './pipeline/publish-episode.js';
export { buildAndPublish, type PublishedBuild, type PublishedBuildOptions } from './pipeline/build-and-publish.js';
export { estimateBuild, type BuildEstimate, type BuildEstimateOptions, type BlockLabel, type LabelledRequest } from './pipeline/estimate-build.js';
export { mergeBuildOptions, type BuildDefaults } from './pipeline/merge-build-options.js';
export { skipBriefedStories, skipStoriesBriefedIn, rememberBriefedStories } from './pipeline/briefed-stories.js';
export { removeStaleStaging } from './pipeline/stale-staging.js';
export { loadConfig, parseConfig, starterConfig, buildOptionsFromConfig, showForBuild, type BriefingConfig, type ShowSettings, type ShowOverrides } from './config/index.js';
export { updatePodcastFeed, podcastGuid } from './feed/index.js';
export { renderEpisodePage, renderShowPage, writeEpisodePage, writeShowPage } from './pages/index.js';
export { serveFolder } from './serve/index.js';
