/**
 * Lifecycle answers the error catalogue of the create does not hold, with the codes Atlas
 * uses (atlas-behaviour.md §5, §7). Where Atlas's serverless-specific answer was never seen,
 * the mock gives the cluster answer, since a serverless instance is a Flex cluster since 2025:
 * - not found: 404 SERVERLESS_INSTANCE_NOT_FOUND (the code is confirmed in Atlas's operator and
 *   CLI tests; the detail text is the mock's own, the body was never seen);
 * - deleted twice: 400 CLUSTER_ALREADY_REQUESTED_DELETION (recorded);
 * - protected: 400 CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED (recorded for
 *   clusters; the serverless answer is unknown, §9.6);
 * - updated while deleting: 400 ATLAS_GENERAL_ERROR (recorded).
 */
import { mockError, type MockAnswer } from './atlas-error.ts';

export function serverlessNotFound(name: string, groupId: string): MockAnswer {
  return mockError(
    404,
    'SERVERLESS_INSTANCE_NOT_FOUND',
    `No serverless instance named ${name} exists in group ${groupId}.`,
    [name, groupId],
  );
}

export function alreadyDeleting(name: string): MockAnswer {
  return mockError(
    400,
    'CLUSTER_ALREADY_REQUESTED_DELETION',
    `The cluster ${name} has already been requested for deletion.`,
    [name],
  );
}

export function terminationProtected(name: string, groupId: string): MockAnswer {
  return mockError(
    400,
    'CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED',
    'Cannot terminate a cluster when termination protection is enabled. ' +
      'Disable termination protection and try again.',
    [
      `Cannot terminate cluster ${name} in group ${groupId} because termination protection ` +
        'is enabled. Disable termination protection and try again.',
    ],
  );
}

export function updateWhileDeleting(): MockAnswer {
  return mockError(
    400,
    'ATLAS_GENERAL_ERROR',
    'Reason: This cluster is currently being deleted, cannot update.',
  );
}

/** Flex API answers (recorded, atlas-behaviour.md §5). */
export function clusterNotFound(name: string, groupId: string): MockAnswer {
  return mockError(
    404,
    'CLUSTER_NOT_FOUND',
    `No cluster named ${name} exists in group ${groupId}.`,
    [name, groupId],
  );
}

export function nonFlexInFlexApi(name: string): MockAnswer {
  return mockError(
    400,
    'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
    `Cannot use non-flex cluster ${name} in the flex API.`,
    [name],
  );
}
