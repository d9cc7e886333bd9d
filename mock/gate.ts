/**
 * What every Atlas v2 route does before its own work, in Atlas's order: authenticate, check the
 * caller's address, negotiate the version (406, or 410 past the sunset), check the project
 * (malformed id, unknown project), take a token of the project's rate limit, and check the
 * caller's role in it.
 *
 * Where Atlas's order is unknown the mock's is a choice: the rate limit counts every call that
 * reaches a known project, before the role check, as a gateway in front of the application
 * would; the 401 challenge carries no rate-limit headers, as recorded (atlas-behaviour.md §1).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Principal, Project } from '../fixtures/world.ts';
import { atlasError, type MockAnswer } from './atlas-error.ts';
import { addressAllowed } from './authenticate.ts';
import { mockEraAt, type MockEra } from './era.ts';
import type { MockContext } from './mock-context.ts';
import { sendAnswer, type AnswerContext } from './send-answer.ts';
import {
  flexMediaType,
  flexVersion,
  negotiateVersion,
  serverlessMediaType,
  serverlessVersion,
} from './versioning.ts';

export interface Admitted {
  principal: Principal;
  project: Project;
  era: MockEra;
  now: Date;
  answerContext: AnswerContext;
}

const objectIdPattern = /^([a-f0-9]{24})$/;

export type RequiredRole = 'read' | 'owner';

/**
 * Which resource a route serves: its version, and whether the serverless sunset applies.
 * `serverless-read` is the serverless GETs: past the sunset of the create they still answer
 * (their own sunset is 2027), as recorded from January 2026 (atlas-behaviour.md §0).
 */
export type GatedResource = 'serverless' | 'serverless-read' | 'flex';

const resources = {
  serverless: { version: serverlessVersion, mediaType: serverlessMediaType, sunsets: true },
  'serverless-read': {
    version: serverlessVersion,
    mediaType: serverlessMediaType,
    sunsets: false,
  },
  flex: { version: flexVersion, mediaType: flexMediaType, sunsets: false },
} as const;

/** Runs the gate; on refusal it has already answered and returns undefined. */
export function admit(
  context: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
  groupId: string,
  role: RequiredRole,
  resource: GatedResource = 'serverless',
): Admitted | undefined {
  const now = context.clock.now();
  const era = mockEraAt(now);
  const served = resources[resource];
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

  if (negotiateVersion(request.headers.accept, [served.version]) === undefined) {
    return refuse(atlasError('version-not-acceptable'));
  }
  // Deprecation and Sunset belong to the serverless version only; Flex is not deprecated.
  const versioned: AnswerContext = {
    ...bare,
    mediaType: served.mediaType,
    deprecationHeaders: resource === 'flex' ? undefined : era.deprecationHeaders,
  };
  if (era.gone && served.sunsets && !context.hasFault('no-410-after-sunset'))
    return refuse(atlasError('version-gone'), versioned);

  if (!objectIdPattern.test(groupId)) {
    return refuse(atlasError('group-id-malformed', [groupId]), versioned);
  }
  const project = context.projects.get(groupId);
  if (project === undefined) return refuse(atlasError('group-not-found', [groupId]), versioned);

  const limited = context.rateLimit(project);
  if (limited !== undefined) {
    versioned.headers = limited.headers;
    if (limited.refusal !== undefined) return refuse(limited.refusal, versioned);
  }

  const roles = auth.principal.projectRoles[groupId] ?? [];
  const allowed = role === 'owner' ? roles.includes('GROUP_OWNER') : roles.length > 0;
  if (!allowed) return refuse(atlasError('missing-role'), versioned);

  return { principal: auth.principal, project, era, now, answerContext: versioned };
}
