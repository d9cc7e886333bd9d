/**
 * Faults planted in the routes' logic, where a faulty server decides differently: validation
 * too lax or too strict, duplicates allowed. Each function is called from one line in a route
 * and does nothing unless its fault is planted.
 */
import type { RequestViolation } from '../../contracts/request-rules.ts';
import type { FaultId } from '../faults.ts';
import { atlasError, type MockAnswer } from '../atlas-error.ts';
import type { StoredInstance } from '../instance-store.ts';
import type { MockContext } from '../mock-context.ts';

/** Whether a planted fault lets this violation of the request contract through. */
export function violationForgiven(context: MockContext, violation: RequestViolation): boolean {
  if (context.hasFault('validation-off')) return true;
  if (context.hasFault('name-pattern-unchecked')) {
    return violation.scenario === 'name-invalid';
  }
  if (context.hasFault('tag-length-unchecked')) return violation.scenario === 'tag-invalid';
  if (context.hasFault('name-required-unchecked')) {
    return violation.scenario === 'missing-attribute' && violation.pointer === '/name';
  }
  return false;
}

/** Whether a planted fault skips the check of the region against the provider's list. */
export function regionCheckSkipped(context: MockContext): boolean {
  return context.hasFault('validation-off') || context.hasFault('region-unchecked');
}

/**
 * Whether a planted fault refuses a well-formed groupId as malformed: a pattern typed as
 * digits only, where Atlas's ids are 24 lower-case hex digits (endpoint.md, path parameters).
 */
export function groupIdRefused(context: MockContext, groupId: string): boolean {
  return context.hasFault('group-id-digits-only') && !/^[0-9]{24}$/.test(groupId);
}

interface ValidBody {
  name?: unknown;
  providerSettings?: { backingProviderName?: string; regionName?: string; providerName?: string };
  serverlessBackupOptions?: unknown;
  tags?: unknown[];
}

/** The refusal a too-strict fault gives a body the contract accepts, if one applies. */
export function plantedRefusal(context: MockContext, body: unknown): MockAnswer | undefined {
  const valid = body as ValidBody;
  const name = String(valid.name);
  if (context.hasFault('name-hyphen-refused') && name.includes('-')) {
    return atlasError('name-invalid', [name]);
  }
  if (context.hasFault('long-name-refused') && name.length > 16) {
    return atlasError('name-invalid', [name]);
  }
  if (context.hasFault('tags-refused') && (valid.tags ?? []).length > 0) {
    return atlasError('tag-invalid', ['tags']);
  }
  if (context.hasFault('backup-options-refused') && valid.serverlessBackupOptions !== undefined) {
    return atlasError('attribute-unknown', ['serverlessBackupOptions']);
  }
  if (
    context.hasFault('provider-name-required') &&
    valid.providerSettings?.providerName === undefined
  ) {
    return atlasError('missing-attribute', ['providerSettings.providerName']);
  }
  if (context.hasFault('region-list-truncated')) {
    const provider = valid.providerSettings?.backingProviderName ?? '';
    const region = valid.providerSettings?.regionName ?? '';
    const first = (context.options.world.regions as Record<string, string[]>)[provider]?.[0];
    if (region !== first) return atlasError('region-unknown', [region, provider]);
  }
  return undefined;
}

/**
 * With duplicates allowed, a create whose name is taken silently replaces the instance that
 * held it (the old one is marked deleted long ago, so the store forgets it).
 */
export function releaseTakenNameIfPlanted(
  context: MockContext,
  instance: StoredInstance,
  now: Date,
): void {
  if (!context.hasFault('duplicates-allowed')) return;
  const taken = context.store.find(instance.groupId, instance.name, now);
  if (taken !== undefined) taken.deleteRequestedAt = new Date(0);
}

/** The faults planted in the routes' logic (here, and as one-line hooks in the routes). */
export const routeFaultIds: readonly FaultId[] = [
  'validation-off',
  'name-pattern-unchecked',
  'name-required-unchecked',
  'tag-length-unchecked',
  'region-unchecked',
  'name-hyphen-refused',
  'long-name-refused',
  'tags-refused',
  'backup-options-refused',
  'region-list-truncated',
  'provider-name-required',
  'duplicates-allowed',
  // mock/gate.ts: a well-formed groupId is refused as malformed.
  'group-id-digits-only',
  // mock/gate.ts: the sunset refusal is skipped.
  'no-410-after-sunset',
  // mock/routes/instance-by-name.ts: the protected DELETE is let through.
  'termination-protection-ignored',
];
