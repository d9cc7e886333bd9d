/**
 * What every Atlas v2 route does before its own work, in Atlas's order: authenticate, check the
 * caller's address, negotiate the version (406, or 410 past the sunset), check the project
 * (malformed id, unknown project) and the caller's role in it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Principal, Project } from '../fixtures/world.ts';
import { atlasError, type MockAnswer } from './atlas-error.ts';
import { addressAllowed } from './authenticate.ts';
import { mockEraAt, type MockEra } from './era.ts';
import type { MockContext } from './mock-context.ts';
import { sendAnswer, type AnswerContext } from './send-answer.ts';
import { negotiateVersion, serverlessMediaType, serverlessVersion } from './versioning.ts';

export interface Admitted {
  principal: Principal;
  project: Project;
  era: MockEra;
  now: Date;
  answerContext: AnswerContext;
}

const objectIdPattern = /^([a-f0-9]{24})$/;

export type RequiredRole = 'read' | 'owner';

/** Runs the gate; on refusal it has already answered and returns undefined. */
export function admit(
  context: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
  groupId: string,
  role: RequiredRole,
): Admitted | undefined {
  const now = context.clock.now();
  const era = mockEraAt(now);
  const bare: AnswerContext = {
    now,
    mediaType: undefined,
    deprecationHeaders: undefined,
    envelopeStatus: context.options.envelopeStatus,
  };
  const refuse = (answer: MockAnswer, answerContext = bare, alwaysPretty = false) => {
    sendAnswer(request, reply, answer, answerContext, { alwaysPretty });
    return undefined;
  };

  const auth = context.authenticator.authenticate(request, now);
  if (!auth.ok) return refuse(auth.answer, bare, auth.answer.headers !== undefined);
  if (!addressAllowed(auth.principal, request.ip)) {
    return refuse(atlasError('not-on-access-list', [request.ip.replace(/^::ffff:/, '')]));
  }

  if (negotiateVersion(request.headers.accept, [serverlessVersion]) === undefined) {
    return refuse(atlasError('version-not-acceptable'));
  }
  const versioned: AnswerContext = {
    ...bare,
    mediaType: serverlessMediaType,
    deprecationHeaders: era.deprecationHeaders,
  };
  if (era.gone) return refuse(atlasError('version-gone'), versioned);

  if (!objectIdPattern.test(groupId)) {
    return refuse(atlasError('group-id-malformed', [groupId]), versioned);
  }
  const project = context.options.world.projects.find((p) => p.id === groupId);
  if (project === undefined) return refuse(atlasError('group-not-found', [groupId]), versioned);
  const roles = auth.principal.projectRoles[groupId] ?? [];
  const allowed = role === 'owner' ? roles.includes('GROUP_OWNER') : roles.length > 0;
  if (!allowed) return refuse(atlasError('missing-role'), versioned);

  return { principal: auth.principal, project, era, now, answerContext: versioned };
}
