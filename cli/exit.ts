/**
 * Exit codes shared by every command, after Schemathesis, plus one for a gone endpoint:
 * 0 the target conforms, 1 a check failed, 2 the run could not happen (bad configuration,
 * unreachable target or one that does not answer like Atlas, refused credentials, or instances
 * left behind on a live target by a run in which no check failed: a failed check keeps 1),
 * 3 the live endpoint is gone (410 past its sunset): nothing was checked.
 */
export const exitCodes = { conforms: 0, checkFailed: 1, couldNotRun: 2, endpointGone: 3 } as const;

/** One clear line on stderr (what could not happen and why). */
export function printUsageError(message: string, usage?: string): void {
  process.stderr.write(`error: ${message}\n`);
  if (usage !== undefined) process.stderr.write(`${usage}\n`);
}

/** One clear line on stderr, then exit 2. */
export function exitWithUsageError(message: string, usage?: string): never {
  printUsageError(message, usage);
  process.exit(exitCodes.couldNotRun);
}
