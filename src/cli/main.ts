#!/usr/bin/env -S node --max-semi-space-size=4
// The flag keeps V8's young generation small: briefings stream their audio
// through files, so a large one only adds to peak memory on long briefings.
import { runCli } from './run-cli.js';

// A reader that stops early (`briefing ssml x | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
