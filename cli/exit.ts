/**
 * Exit codes shared by every command, after Schemathesis: 0 the target conforms, 1 a check
 * failed, 2 the run could not happen (bad configuration, unreachable target, bad input).
 */
export const exitCodes = { conforms: 0, checkFailed: 1, couldNotRun: 2 } as const;

/** One clear line on stderr, then exit 2. */
export function exitWithUsageError(message: string, usage?: string): never {
  process.stderr.write(`error: ${message}\n`);
  if (usage !== undefined) process.stderr.write(`${usage}\n`);
  process.exit(exitCodes.couldNotRun);
}
