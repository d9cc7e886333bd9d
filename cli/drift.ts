/**
 * `npm run drift -- --spec <path-or-url>`: lists every difference between the contracts and a
 * published OpenAPI 3 document, each known one with its explanation (from `x-drift`).
 * Exit 0 when every difference is explained, 1 when one is not, 2 when the document cannot be
 * read (missing file, invalid JSON, not OpenAPI): one line on stderr says why.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { driftAgainst, NotOpenApi, type Difference } from '../contracts/openapi-drift.ts';
import { exitCodes, exitWithUsageError } from './exit.ts';

const usage = 'usage: npm run drift -- --spec <openapi.json | https://...>';

async function readSpec(spec: string): Promise<string> {
  if (/^https?:\/\//.test(spec)) {
    let response: Response;
    try {
      response = await fetch(spec);
    } catch (error) {
      exitWithUsageError(`${spec} cannot be fetched: ${(error as Error).message}`);
    }
    if (!response.ok) exitWithUsageError(`${spec} answered ${response.status}`);
    return response.text();
  }
  try {
    return readFileSync(spec, 'utf8');
  } catch (error) {
    exitWithUsageError(`${spec} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

function line(d: Difference): string {
  const head = `${d.where.trim()} ${d.aspect}: contracts ${d.ours}, spec ${d.theirs}`;
  if (d.explanation === undefined) return `  unexplained  ${head}`;
  const { why, evidence, source } = d.explanation;
  return `  known        ${head}\n               ${why} [${evidence}; ${source}]`;
}

async function main(): Promise<number> {
  let spec: string | undefined;
  try {
    spec = parseArgs({ options: { spec: { type: 'string' } } }).values.spec;
  } catch (error) {
    exitWithUsageError((error as Error).message, usage);
  }
  if (spec === undefined || spec === '') exitWithUsageError('--spec is required', usage);

  const text = await readSpec(spec);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    exitWithUsageError(`${spec} is not valid JSON: ${(error as Error).message}`);
  }
  let differences: Difference[];
  try {
    differences = driftAgainst(document);
  } catch (error) {
    if (error instanceof NotOpenApi) exitWithUsageError(`${spec} is not OpenAPI: ${error.message}`);
    throw error;
  }

  const unexplained = differences.filter((d) => d.explanation === undefined).length;
  process.stdout.write(`contracts/ against ${spec}\n`);
  for (const d of differences) process.stdout.write(`${line(d)}\n`);
  process.stdout.write(
    `${differences.length} differences: ${differences.length - unexplained} known, ` +
      `${unexplained} unexplained\n`,
  );
  return unexplained === 0 ? exitCodes.conforms : exitCodes.checkFailed;
}

process.exit(await main());
