/**
 * Whether a create names a region its backing provider offers. The request contract leaves
 * `regionName` free text (official-contract.md §4); which names are offered is a fact of the
 * target (for the embedded mock, its world file), so the lists come in as an argument.
 * A name outside them gets INVALID_REGION with [regionName, backingProviderName]
 * (regions.json `unsupportedRegionAnswer.unknownName`, confirmed).
 *
 * Run it on bodies the request contract accepts: it judges the region only.
 */
import type { RequestViolation } from './request-rules.ts';

export type OfferedRegions = Readonly<Record<string, readonly string[]>>;

export function regionViolation(
  body: unknown,
  offered: OfferedRegions,
): RequestViolation | undefined {
  const settings = (body as { providerSettings?: Record<string, unknown> } | undefined)
    ?.providerSettings;
  const provider = String(settings?.backingProviderName ?? '');
  const region = String(settings?.regionName ?? '');
  if ((offered[provider] ?? []).includes(region)) return undefined;
  return {
    scenario: 'region-unknown',
    pointer: '/providerSettings/regionName',
    parameters: [region, provider],
  };
}
