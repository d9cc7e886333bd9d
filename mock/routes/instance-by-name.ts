/**
 * GET and DELETE /api/atlas/v2/groups/{groupId}/serverless/{name}, which the lifecycle checks
 * and the clean-up use. DELETE answers 202 `{}` (atlas-behaviour.md §7), then the instance is
 * DELETING until it disappears; a protected instance cannot be deleted.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { admit } from '../gate.ts';
import { instanceView } from '../instance-view.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { baseUrlOf } from './create-serverless.ts';

type ByName = FastifyRequest<{ Params: { groupId: string; name: string } }>;

function notFound(name: string, groupId: string) {
  return {
    status: 404,
    body: {
      detail: `Serverless instance ${name} does not exist in group ${groupId}.`,
      error: 404,
      errorCode: 'SERVERLESS_INSTANCE_NOT_FOUND',
      parameters: [name, groupId],
      reason: 'Not Found',
    },
  };
}

export function getServerless(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'read');
  if (admitted === undefined) return reply;
  const instance = context.store.find(groupId, name, admitted.now);
  if (instance === undefined) {
    return sendAnswer(request, reply, notFound(name, groupId), admitted.answerContext);
  }
  const state = context.store.stateOf(instance, admitted.now);
  const body = instanceView(instance, state, baseUrlOf(request));
  return sendAnswer(request, reply, { status: 200, body }, admitted.answerContext);
}

export function deleteServerless(context: MockContext, request: ByName, reply: FastifyReply) {
  const { groupId, name } = request.params;
  const admitted = admit(context, request, reply, groupId, 'owner');
  if (admitted === undefined) return reply;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, admitted.answerContext);
  const instance = context.store.find(groupId, name, admitted.now);
  if (instance === undefined) return answer(notFound(name, groupId));
  if (instance.deleteRequestedAt !== undefined) {
    return answer({
      status: 400,
      body: {
        detail: `The serverless instance ${name} has already been requested for deletion.`,
        error: 400,
        errorCode: 'SERVERLESS_INSTANCE_ALREADY_REQUESTED_DELETION',
        parameters: [name],
        reason: 'Bad Request',
      },
    });
  }
  if (instance.terminationProtectionEnabled) {
    return answer({
      status: 400,
      body: {
        detail:
          `Cannot terminate serverless instance ${name} ` +
          'when termination protection is enabled.',
        error: 400,
        errorCode: 'CANNOT_TERMINATE_SERVERLESS_INSTANCE_WHEN_TERMINATION_PROTECTION_ENABLED',
        parameters: [name],
        reason: 'Bad Request',
      },
    });
  }
  instance.deleteRequestedAt = admitted.now;
  return answer({ status: 202, body: {} });
}
