/**
 * How `npm run conformance` configures the mock it embeds: ATLAS_MOCK_CLOCK moves its clock
 * (to run the suite in another era), ATLAS_MOCK_FAULTS plants faults (comma-separated ids).
 */
import type { MockOptions } from '../mock/options.ts';
import { faultCatalogue, isFaultId, type FaultId } from '../mock/faults.ts';
import { ConfigError } from '../lib/config.ts';

export function embeddedMockOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<MockOptions> {
  const options: Partial<MockOptions> = {};
  const problems: string[] = [];
  if (env.ATLAS_MOCK_CLOCK !== undefined && env.ATLAS_MOCK_CLOCK !== '') {
    const start = new Date(env.ATLAS_MOCK_CLOCK);
    if (Number.isNaN(start.getTime()))
      problems.push('ATLAS_MOCK_CLOCK must be an ISO date such as 2025-06-01');
    else options.clockStart = start;
  }
  const faults: FaultId[] = [];
  for (const id of (env.ATLAS_MOCK_FAULTS ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)) {
    if (isFaultId(id)) faults.push(id);
    else
      problems.push(
        `ATLAS_MOCK_FAULTS must list fault ids (${Object.keys(faultCatalogue).join(', ')}), ` +
          `not ${id}`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  options.faults = new Set(faults);
  return options;
}
