/**
 * The lifecycle answers (GET, PATCH, DELETE and the Flex API), each the catalogue's scenario
 * (contracts/error-catalogue.json, the single source of codes and details): the mock answers
 * the first status and code the catalogue lists, as for every other scenario.
 * - not found: `instance-not-found`; on the Flex API `flex-not-found`;
 * - deleted twice: `delete-repeated`;
 * - protected: `delete-protected`, with the parameters Atlas recorded for clusters (one
 *   sentence naming the cluster and the project, atlas-behaviour.md §5);
 * - updated while deleting: `update-while-deleting`;
 * - a non-Flex instance on the Flex API: `non-flex-in-flex-api`.
 */
import { atlasError, type MockAnswer } from './atlas-error.ts';

export function serverlessNotFound(name: string, groupId: string): MockAnswer {
  return atlasError('instance-not-found', [name, groupId]);
}

export function alreadyDeleting(name: string): MockAnswer {
  return atlasError('delete-repeated', [name]);
}

export function terminationProtected(name: string, groupId: string): MockAnswer {
  return atlasError(
    'delete-protected',
    [],
    [
      `Cannot terminate cluster ${name} in group ${groupId} because termination protection ` +
        'is enabled. Disable termination protection and try again.',
    ],
  );
}

export function updateWhileDeleting(): MockAnswer {
  return atlasError('update-while-deleting');
}

export function clusterNotFound(name: string, groupId: string): MockAnswer {
  return atlasError('flex-not-found', [name, groupId]);
}

export function nonFlexInFlexApi(name: string): MockAnswer {
  return atlasError('non-flex-in-flex-api', [name]);
}
