/** Version of the state file format this code reads and writes. */
export const STATE_FILE_VERSION = 1;
