/**
 * GET /api/atlas/v2/groups/{groupId}/flexClusters/{name}: an instance created through the
 * serverless endpoint in the Flex era, as the Flex API shows it. Atlas let migrated clusters be
 * managed through both APIs (atlas-behaviour.md §7, FLEXMIG); that one created through
 * /serverless shows up here is inferred, not recorded. An instance of the serverless era is not
 * a Flex cluster: 400 CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API; an unknown name: 404
 * CLUSTER_NOT_FOUND (both recorded, §5).
 */
import type { FastifyReply } from 'fastify';

import { admit } from '../gate.ts';
import { flexView } from '../flex-view.ts';
import { clusterNotFound, nonFlexInFlexApi } from '../lifecycle-errors.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import type { ByName } from './instance-by-name.ts';

export function getFlexCluster(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'read', 'flex');
  if (admitted === undefined) return reply;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, admitted.answerContext);
  const instance = context.store.find(groupId, name, admitted.now);
  if (instance === undefined) return answer(clusterNotFound(name, groupId));
  if (!instance.flexBacked) return answer(nonFlexInFlexApi(name));
  const state = context.store.stateOf(instance, admitted.now);
  return answer({ status: 200, body: flexView(instance, state) });
}
