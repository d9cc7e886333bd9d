/**
 * Whether a create names a region its backing provider offers. The request contract leaves
 * `regionName` free text (official-contract.md §4); which names are offered is a fact of the
 * target (for the embedded mock, its world file), so the lists come in as an argument.
 *
 * A name outside them gets INVALID_REGION with [regionName, backingProviderName]. The evidence
 * differs by kind of name (regions.json `unsupportedRegionAnswer`): for a name that is no Atlas
 * constant the code and template are confirmed (`region-unknown`); for the cloud's own spelling
 * of an offered region (`us-east-1`) the answer is known only from a third-party report
 * (`region-cloud-native`), so it is a scenario of its own.
 *
 * Run it on bodies the request contract accepts: it judges the region only.
 */
import { isCloudNativeSpelling } from './cloud-native-regions.ts';
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
  const regions = offered[provider] ?? [];
  if (regions.includes(region)) return undefined;
  return {
    scenario: isCloudNativeSpelling(provider, region, regions)
      ? 'region-cloud-native'
      : 'region-unknown',
    pointer: '/providerSettings/regionName',
    rule: 'offered-region',
    parameters: [region, provider],
  };
}
