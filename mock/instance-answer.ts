/**
 * The success answer of one instance, with its compact JSON text kept from one read to the
 * next: serializing the view was the largest share of a get (`npm run bench:mock`), and an
 * instance is mostly read many times in the same state. A create writes its text without
 * keeping it: most instances a create makes are read in another state, if at all.
 *
 * The kept text is reused only while everything the view reads that can change is unchanged:
 * the state, the base URL of the request, and the fields a PATCH replaces (tags are replaced
 * by a new array, never changed in place). A field that the view reads and that can change
 * must join `sameView`.
 */
import type { MockAnswer } from './atlas-error.ts';
import type { InstanceState, KeptAnswerText, StoredInstance } from './instance-store.ts';
import { instanceView } from './instance-view.ts';

function sameView(
  kept: KeptAnswerText,
  instance: StoredInstance,
  state: InstanceState,
  baseUrl: string,
): boolean {
  return (
    kept.state === state &&
    kept.baseUrl === baseUrl &&
    kept.tags === instance.tags &&
    kept.terminationProtectionEnabled === instance.terminationProtectionEnabled &&
    kept.continuousBackupEnabled === instance.continuousBackupEnabled
  );
}

/** The 200 answer of a read, from the kept text when it still shows the instance as it is. */
export function readAnswer(
  instance: StoredInstance,
  state: InstanceState,
  baseUrl: string,
): MockAnswer {
  const body = instanceView(instance, state, baseUrl);
  const kept = instance.keptAnswer;
  if (kept !== undefined && sameView(kept, instance, state, baseUrl)) {
    return { status: 200, body, text: kept.text };
  }
  const text = JSON.stringify(body);
  instance.keptAnswer = {
    state,
    baseUrl,
    tags: instance.tags,
    terminationProtectionEnabled: instance.terminationProtectionEnabled,
    continuousBackupEnabled: instance.continuousBackupEnabled,
    text,
  };
  return { status: 200, body, text };
}
