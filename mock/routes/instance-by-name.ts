/**
 * GET and DELETE /api/atlas/v2/groups/{groupId}/serverless/{name}, which the lifecycle checks
 * and the clean-up use. DELETE answers 202 `{}` (atlas-behaviour.md §7), then the instance is
 * DELETING until it disappears; a protected instance cannot be deleted.
 *
 * Past the create's sunset the GET keeps answering but finds nothing: from January 2026 Atlas
 * answered 404 to get-one even for instances just created (§0).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { admit } from '../gate.ts';
import { readAnswer } from '../instance-answer.ts';
import { alreadyDeleting, serverlessNotFound, terminationProtected } from '../lifecycle-errors.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { baseUrlOf } from './base-url.ts';

export type ByName = FastifyRequest<{ Params: { groupId: string; name: string } }>;

export function getServerless(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'read', 'serverless-read');
  if (admitted === undefined) return reply;
  const instance = admitted.era.gone
    ? undefined
    : context.store.findServerless(groupId, name, admitted.now);
  if (instance === undefined) {
    return sendAnswer(request, reply, serverlessNotFound(name, groupId), admitted.answerContext);
  }
  const state = context.store.stateOf(instance, admitted.now);
  const answer = readAnswer(instance, state, baseUrlOf(request));
  return sendAnswer(request, reply, answer, admitted.answerContext);
}

export function deleteServerless(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'owner');
  if (admitted === undefined) return reply;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, admitted.answerContext);
  const instance = context.store.findServerless(groupId, name, admitted.now);
  if (instance === undefined) return answer(serverlessNotFound(name, groupId));
  if (instance.deleteRequestedAt !== undefined) return answer(alreadyDeleting(name));
  if (instance.terminationProtectionEnabled && !context.hasFault('termination-protection-ignored'))
    return answer(terminationProtected(name, groupId));
  instance.deleteRequestedAt = admitted.now;
  return answer({ status: 202, body: {} });
}
