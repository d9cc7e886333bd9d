/**
 * Region names as the cloud providers spell them, which are never Atlas constants: Atlas
 * expects `US_EAST_1`, not `us-east-1` (regions.json `cloudNativeSpellings`, the reporter of
 * terraform issue #882). Written out here because the reference data may not be committed.
 *
 * AWS spellings follow mechanically from the Atlas constant (lower case, `-` for `_`); Azure and
 * GCP spellings do not, so the few of their offered regions are listed by hand.
 */
const azure: Readonly<Record<string, string>> = {
  US_EAST_2: 'eastus2',
  US_WEST: 'westus',
  CANADA_CENTRAL: 'canadacentral',
  CHILE_CENTRAL: 'chilecentral',
  EUROPE_NORTH: 'northeurope',
  EUROPE_WEST: 'westeurope',
  ASIA_EAST: 'eastasia',
  INDIA_CENTRAL: 'centralindia',
  INDONESIA_CENTRAL: 'indonesiacentral',
  MALAYSIA_WEST: 'malaysiawest',
};

const gcp: Readonly<Record<string, string>> = {
  CENTRAL_US: 'us-central1',
  SOUTH_AMERICA_EAST_1: 'southamerica-east1',
  EASTERN_ASIA_PACIFIC: 'asia-east1',
  NORTHEASTERN_ASIA_PACIFIC: 'asia-northeast1',
  ASIA_NORTHEAST_3: 'asia-northeast3',
  SOUTHEASTERN_ASIA_PACIFIC: 'asia-southeast1',
  ASIA_SOUTH_1: 'asia-south1',
  ASIA_SOUTHEAST_2: 'asia-southeast2',
  WESTERN_EUROPE: 'europe-west1',
};

/** The provider's own spelling of an Atlas region constant, when one is known. */
export function cloudNativeSpelling(provider: string, atlasName: string): string | undefined {
  if (provider === 'AWS') return atlasName.toLowerCase().replace(/_/g, '-');
  if (provider === 'AZURE') return azure[atlasName];
  return provider === 'GCP' ? gcp[atlasName] : undefined;
}

/** Whether `name` is the provider's own spelling of one of the `offered` Atlas regions. */
export function isCloudNativeSpelling(
  provider: string,
  name: string,
  offered: readonly string[],
): boolean {
  return offered.some((atlasName) => {
    const native = cloudNativeSpelling(provider, atlasName);
    return native !== undefined && native === name && !offered.includes(native);
  });
}
