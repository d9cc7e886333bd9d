/**
 * PATCH /api/atlas/v2/groups/{groupId}/serverless/{name}: tags are replaced wholesale (an empty
 * list clears them, an absent one keeps them), termination protection and the backup flag are
 * set when given. Atlas answers 200 with the instance UPDATING (atlas-behaviour.md §7); an
 * instance being deleted cannot be updated (400 ATLAS_GENERAL_ERROR, recorded).
 */
import type { FastifyReply } from 'fastify';

import { atlasError } from '../atlas-error.ts';
import { admit } from '../gate.ts';
import { instanceView } from '../instance-view.ts';
import { serverlessNotFound, updateWhileDeleting } from '../lifecycle-errors.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { readUpdate } from '../update-body.ts';
import { isJsonRequestType } from '../versioning.ts';
import { baseUrlOf } from './base-url.ts';
import type { ByName } from './instance-by-name.ts';
import { readJsonBody } from './read-json-body.ts';

export function updateServerless(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'owner');
  if (admitted === undefined) return reply;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, admitted.answerContext);

  if (!isJsonRequestType(request.headers['content-type'])) {
    return answer(atlasError('media-type-unsupported', [request.headers['content-type'] ?? '']));
  }
  const parsed = readJsonBody(request.body);
  if (!parsed.ok) return answer(atlasError('json-malformed'));
  const reading = readUpdate(parsed.value);
  if (!reading.ok) return answer(atlasError(reading.scenario, reading.parameters));

  const instance = context.store.findServerless(groupId, name, admitted.now);
  if (instance === undefined) return answer(serverlessNotFound(name, groupId));
  if (instance.deleteRequestedAt !== undefined) return answer(updateWhileDeleting());

  const { tags, terminationProtectionEnabled, serverlessBackupOptions } = reading.update;
  if (tags !== undefined) instance.tags = tags.map(({ key, value }) => ({ key, value }));
  if (terminationProtectionEnabled !== undefined) {
    instance.terminationProtectionEnabled = terminationProtectionEnabled;
  }
  const backup = serverlessBackupOptions?.serverlessContinuousBackupEnabled;
  if (backup !== undefined) instance.continuousBackupEnabled = backup;
  instance.updatedAt = admitted.now;

  const state = context.store.stateOf(instance, admitted.now);
  return answer({ status: 200, body: instanceView(instance, state, baseUrlOf(request)) });
}
