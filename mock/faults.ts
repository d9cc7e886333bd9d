/**
 * Faults the mock can plant on purpose, one realistic way at a time for an Atlas-compatible
 * server to go wrong. The suite's own tests switch each on and expect the named check to fail.
 */
export const faultCatalogue = {
  'validation-off': {
    what: 'the body is not validated: any JSON object is created',
    caughtBy: 'negative_data_rejection',
  },
} as const satisfies Record<string, { what: string; caughtBy: string }>;

export type FaultId = keyof typeof faultCatalogue;

export function isFaultId(value: string): value is FaultId {
  return Object.hasOwn(faultCatalogue, value);
}
