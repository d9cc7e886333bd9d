/**
 * How `npm run conformance` configures the mock it embeds: ATLAS_MOCK_CLOCK moves its clock
 * (to run the suite in another era), ATLAS_MOCK_FAULTS plants faults (comma-separated ids), and
 * the answers where real Atlas's is unknown (mock/unknown-facts.ts documents each default):
 * ATLAS_MOCK_ENVELOPE_STATUS (same | 200), ATLAS_MOCK_NOT_OFFERED_REGION (invalid-region |
 * region-unavailable | invalid-attribute), ATLAS_MOCK_NON_BOOLEAN_FLAG (ignore | reject).
 *
 * The options are read from embeddedMockSettings alone, so the settings it returns are all that
 * shaped the mock: the runner hands their names to the replay lines (fixtures/replay-line.ts),
 * and a replayed run starts the same mock.
 */
import type { MockOptions } from '../mock/options.ts';
import { faultCatalogue, isFaultId, type FaultId } from '../mock/faults.ts';
import { parseIsoDate } from '../mock/iso-date.ts';
import { parseUnknownFact, unknownFacts, type UnknownFact } from '../mock/unknown-facts.ts';
import { ConfigError } from '../lib/config.ts';

/** Every variable the embedded mock reads; a new ATLAS_MOCK_* setting is added here. */
export const embeddedMockVariables = [
  'ATLAS_MOCK_CLOCK',
  'ATLAS_MOCK_FAULTS',
  ...Object.values(unknownFacts).map((fact) => fact.env),
] as const;

export type EmbeddedMockVariable = (typeof embeddedMockVariables)[number];

/** The embedded mock's variables that are set (an empty one is unset), in the order above. */
export function embeddedMockSettings(
  env: NodeJS.ProcessEnv,
): Partial<Record<EmbeddedMockVariable, string>> {
  const settings: Partial<Record<EmbeddedMockVariable, string>> = {};
  for (const name of embeddedMockVariables) {
    const value = env[name];
    if (value !== undefined && value !== '') settings[name] = value;
  }
  return settings;
}

export function embeddedMockOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<MockOptions> {
  const settings = embeddedMockSettings(env);
  const options: Partial<MockOptions> = {};
  const problems: string[] = [];
  if (settings.ATLAS_MOCK_CLOCK !== undefined) {
    const start = parseIsoDate(settings.ATLAS_MOCK_CLOCK, 'ATLAS_MOCK_CLOCK');
    if (start.ok) options.clockStart = start.value;
    else problems.push(start.problem);
  }
  for (const fact of Object.keys(unknownFacts) as UnknownFact[]) {
    const name = unknownFacts[fact].env;
    const text = settings[name];
    if (text === undefined) continue;
    const parsed = parseUnknownFact(fact, text, name);
    if (parsed.ok) Object.assign(options, { [fact]: parsed.value });
    else problems.push(parsed.problem);
  }
  const faults: FaultId[] = [];
  for (const id of (settings.ATLAS_MOCK_FAULTS ?? '')
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
