/** What was already briefed: the state file that lets a run skip stories earlier runs read. */
export { BriefingMemory, MEMORY_FILE_NAME, MEMORY_MAX_STORIES, memoryPath } from './briefing-memory.js';
export type { BriefedStory } from './state-file.js';
export { identityOf, sameStory, type StoryIdentity } from '../sources/story-identity.js';
