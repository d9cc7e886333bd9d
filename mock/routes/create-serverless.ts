/**
 * POST /api/atlas/v2/groups/{groupId}/serverless: the endpoint under test.
 *
 * After the gate: the body's media type (415), its JSON (400), the request contract (the
 * catalogue scenario of the first broken rule), the region lists of the world for the era
 * (mock/offered-regions.ts), the organisation's payment method (402), the name's uniqueness
 * across serverless instances and Flex clusters (400), then 201.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { requestViolation } from '../../contracts/request-rules.ts';
import type { BackingProvider } from '../../fixtures/world.ts';
import { atlasError, type MockAnswer } from '../atlas-error.ts';
import {
  plantedRefusal,
  regionCheckSkipped,
  releaseTakenNameIfPlanted,
  violationForgiven,
} from '../faults/route-faults.ts';
import { admit } from '../gate.ts';
import { newObjectId, type StoredInstance } from '../instance-store.ts';
import { instanceView } from '../instance-view.ts';
import type { MockContext } from '../mock-context.ts';
import { regionRefusal } from '../offered-regions.ts';
import { sendAnswer, type AnswerContext } from '../send-answer.ts';
import { isJsonRequestType } from '../versioning.ts';
import { baseUrlOf } from './base-url.ts';
import { readJsonBody } from './read-json-body.ts';

interface CreateBody {
  name: string;
  providerSettings: { backingProviderName: BackingProvider; regionName: string };
  serverlessBackupOptions?: { serverlessContinuousBackupEnabled?: boolean };
  tags?: { key: string; value: string }[];
  terminationProtectionEnabled?: boolean;
}

/**
 * Synchronous and without a closure per request: an async handler costs fastify a promise to
 * settle on every create, and each closure costs the tsx build a name to define
 * (`npm run bench:mock` profiles).
 */
export function createServerless(
  context: MockContext,
  request: FastifyRequest<{ Params: { groupId: string } }>,
  reply: FastifyReply,
): FastifyReply {
  const admitted = admit(context, request, reply, request.params.groupId, 'owner');
  if (admitted === undefined) return reply;
  const { project, era, now, answerContext } = admitted;

  if (!isJsonRequestType(request.headers['content-type'])) {
    return sendTo(
      request,
      reply,
      answerContext,
      atlasError('media-type-unsupported', [request.headers['content-type'] ?? '']),
    );
  }
  const parsed = readJsonBody(request.body);
  if (!parsed.ok) return sendTo(request, reply, answerContext, atlasError('json-malformed'));

  const violation = requestViolation(parsed.value);
  if (violation !== undefined && !violationForgiven(context, violation))
    return sendTo(
      request,
      reply,
      answerContext,
      atlasError(violation.scenario, violation.parameters),
    );
  const body = parsed.value as CreateBody;
  const provider = body.providerSettings?.backingProviderName;
  if (!regionCheckSkipped(context)) {
    const region = body.providerSettings.regionName;
    const refused = regionRefusal(context.options, era.flexBacked, provider, region);
    if (refused !== undefined) return sendTo(request, reply, answerContext, refused);
  }

  const refusal = plantedRefusal(context, body);
  if (refusal !== undefined) return sendTo(request, reply, answerContext, refusal);

  const organisation = context.options.world.organisations.find((o) => o.id === project.orgId);
  if (organisation?.paymentMethod === false) {
    return sendTo(request, reply, answerContext, atlasError('no-payment-method', [project.id]));
  }

  const name = String(body.name);
  const id = newObjectId();
  const instance: StoredInstance = {
    id,
    groupId: project.id,
    name,
    createdAt: now,
    flexBacked: era.flexBacked,
    backingProviderName: provider,
    regionName: body.providerSettings?.regionName,
    tags: body.tags ?? [],
    terminationProtectionEnabled: body.terminationProtectionEnabled ?? false,
    continuousBackupEnabled: body.serverlessBackupOptions?.serverlessContinuousBackupEnabled,
    // Atlas's host part is a short hash; the id's last characters serve as one.
    srvHost: `${name.toLowerCase()}.${id.slice(-5)}.mongodb.net`,
  };
  releaseTakenNameIfPlanted(context, instance, now);
  if (!context.store.add(instance, now)) {
    // Atlas's parameters name the kind of resource first (recorded, atlas-behaviour.md §5).
    const recorded = ['cluster or serverless instance', name, project.id];
    return sendTo(
      request,
      reply,
      answerContext,
      atlasError('duplicate-name', [name, project.id], recorded),
    );
  }
  const view = instanceView(instance, context.store.stateOf(instance, now), baseUrlOf(request));
  return sendTo(request, reply, answerContext, { status: 201, body: view });
}

/** sendAnswer with the request's answer context first, so that each refusal reads in one line. */
function sendTo(
  request: FastifyRequest,
  reply: FastifyReply,
  answerContext: AnswerContext,
  answer: MockAnswer,
): FastifyReply {
  return sendAnswer(request, reply, answer, answerContext);
}
