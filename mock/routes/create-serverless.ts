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
import { atlasError } from '../atlas-error.ts';
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
import { sendAnswer } from '../send-answer.ts';
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

export async function createServerless(
  context: MockContext,
  request: FastifyRequest<{ Params: { groupId: string } }>,
  reply: FastifyReply,
) {
  const admitted = admit(context, request, reply, request.params.groupId, 'owner');
  if (admitted === undefined) return reply;
  const { project, era, now, answerContext } = admitted;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, answerContext);

  if (!isJsonRequestType(request.headers['content-type'])) {
    return answer(atlasError('media-type-unsupported', [request.headers['content-type'] ?? '']));
  }
  const parsed = readJsonBody(request.body);
  if (!parsed.ok) return answer(atlasError('json-malformed'));

  const violation = requestViolation(parsed.value);
  if (violation !== undefined && !violationForgiven(context, violation))
    return answer(atlasError(violation.scenario, violation.parameters));
  const body = parsed.value as CreateBody;
  const provider = body.providerSettings?.backingProviderName;
  if (!regionCheckSkipped(context)) {
    const region = body.providerSettings.regionName;
    const refused = regionRefusal(context.options, era.flexBacked, provider, region);
    if (refused !== undefined) return answer(refused);
  }

  const refusal = plantedRefusal(context, body);
  if (refusal !== undefined) return answer(refusal);

  const organisation = context.options.world.organisations.find((o) => o.id === project.orgId);
  if (organisation?.paymentMethod === false) {
    return answer(atlasError('no-payment-method', [project.id]));
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
    return answer(atlasError('duplicate-name', [name, project.id], recorded));
  }
  const view = instanceView(instance, context.store.stateOf(instance, now), baseUrlOf(request));
  return answer({ status: 201, body: view });
}
