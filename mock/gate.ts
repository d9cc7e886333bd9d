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
import { challengeForMethod } from './delete-challenge.ts';
import { mockEraAt, type MockEra } from './era.ts';
import { groupIdRefused } from './faults/route-faults.ts';
import type { MockContext } from './mock-context.ts';
import { nonBooleanFlagRefusal } from './query-flags.ts';
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
 * Which resource a route serves: its version, whether the serverless sunset applies, and which
 * deprecation headers its answers carry. `serverless-read` is the serverless GETs: past the
 * sunset of the create they still answer, as recorded from January 2026, with a later Sunset of
 * their own (atlas-behaviour.md §0; mock/era.ts says which). Flex is not deprecated.
 */
export type GatedResource = 'serverless' | 'serverless-read' | 'flex';

const resources = {
  serverless: {
    versions: [serverlessVersion],
    mediaType: serverlessMediaType,
    sunsets: true,
    deprecation: 'deprecationHeaders',
  },
  'serverless-read': {
    versions: [serverlessVersion],
    mediaType: serverlessMediaType,
    sunsets: false,
    deprecation: 'readDeprecationHeaders',
  },
  flex: { versions: [flexVersion], mediaType: flexMediaType, sunsets: false, deprecation: null },
} as const;

/**
 * Answers a refusal. A function of the module rather than a closure made per request: the gate
 * runs on every call, and closures per request showed in the bench's profile.
 */
function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: MockAnswer,
  answerContext: AnswerContext,
  alwaysPretty = false,
): undefined {
  sendAnswer(request, reply, answer, answerContext, alwaysPretty ? { alwaysPretty } : undefined);
  return undefined;
}

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

  const auth = context.authenticator.authenticate(request, now);
  if (!auth.ok) {
    const answer = challengeForMethod(request.method, auth.answer);
    return refuse(request, reply, answer, bare, answer.headers !== undefined);
  }
  if (!addressAllowed(auth.principal, request.ip)) {
    return refuse(
      request,
      reply,
      atlasError('not-on-access-list', [request.ip.replace(/^::ffff:/, '')]),
      bare,
    );
  }

  if (negotiateVersion(request.headers.accept, served.versions) === undefined) {
    return refuse(request, reply, atlasError('version-not-acceptable'), bare);
  }
  // Deprecation and Sunset belong to the serverless version only; Flex is not deprecated.
  const versioned: AnswerContext = {
    now,
    mediaType: served.mediaType,
    deprecationHeaders: served.deprecation === null ? undefined : era[served.deprecation],
    envelopeStatus: bare.envelopeStatus,
  };
  if (era.gone && served.sunsets && !context.hasFault('no-410-after-sunset'))
    return refuse(request, reply, atlasError('version-gone'), versioned);
  // Query parameters bind after the resource is matched (a setting, mock/unknown-facts.ts).
  const badFlag = nonBooleanFlagRefusal(context.options, request);
  if (badFlag !== undefined) return refuse(request, reply, badFlag, versioned);

  if (!objectIdPattern.test(groupId) || groupIdRefused(context, groupId)) {
    return refuse(request, reply, atlasError('group-id-malformed', [groupId]), versioned);
  }
  const project = context.projects.get(groupId);
  if (project === undefined)
    return refuse(request, reply, atlasError('group-not-found', [groupId]), versioned);

  const limited = context.rateLimit(project);
  if (limited !== undefined) {
    versioned.headers = limited.headers;
    if (limited.refusal !== undefined) return refuse(request, reply, limited.refusal, versioned);
  }

  const roles = auth.principal.projectRoles[groupId] ?? [];
  const allowed = role === 'owner' ? roles.includes('GROUP_OWNER') : roles.length > 0;
  if (!allowed) return refuse(request, reply, atlasError('missing-role'), versioned);

  return { principal: auth.principal, project, era, now, answerContext: versioned };
}
