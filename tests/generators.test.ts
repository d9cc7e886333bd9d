/**
 * The generators are tested like the code they feed (STYLE.md, habit 6):
 * - the same seed gives the same values;
 * - valid generators produce only what the contracts accept;
 * - every invalid case, once serialised into its place in a real request (path, query, body)
 *   and read back the way a server reads it, breaks exactly one rule: the one it claims, at
 *   the JSON pointer it claims, for the scenario it claims.
 * Each property runs over 1,000 generated cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { scenario } from '../contracts/catalogue.ts';
import { parameterViolation } from '../contracts/parameter-rules.ts';
import { regionViolation } from '../contracts/region-rules.ts';
import { requestViolation, type RequestViolation } from '../contracts/request-rules.ts';
import { invalidName } from '../fixtures/arbitraries/invalid-name.ts';
import {
  groupsATargetMayAccept,
  invalidRequestGroups,
  withUniqueName,
} from '../fixtures/arbitraries/invalid-request.ts';
import type { RequestCase } from '../fixtures/arbitraries/request-case.ts';
import { tagSchema } from '../fixtures/arbitraries/_internals/request-schema.ts';
import { validCreateBody } from '../fixtures/arbitraries/valid-create-body.ts';
import { namePattern, validNameTail } from '../fixtures/arbitraries/valid-name-tail.ts';
import { caseRequest } from '../fixtures/requests.ts';
import { loadWorld } from '../fixtures/world.ts';

const numRuns = 1000;
const regions = loadWorld().regions;
const projectId = '6650a1b2c3d4e5f6a7b8c9d0';
const groups = invalidRequestGroups(regions);

/** What a case claims, and what the wire shows, compared as one. */
const claim = (v: { scenario: string; pointer: string; rule: string }) =>
  `${v.scenario} at ${v.pointer === '' ? '(text)' : v.pointer} (${v.rule})`;

/** Every rule a create breaks, judged from the wire: path, then query, then body. */
function violationsOnTheWire(requestCase: RequestCase): RequestViolation[] {
  const request = caseRequest(projectId, requestCase);
  const url = new URL(request.path, 'http://target.invalid');
  for (const [name, value] of Object.entries(request.query ?? {})) {
    url.searchParams.set(name, value);
  }
  const text =
    request.rawBody !== undefined ? String(request.rawBody) : JSON.stringify(request.body);

  const found: RequestViolation[] = [];
  const segment = /^\/api\/atlas\/v2\/groups\/([^/]+)\/serverless$/.exec(url.pathname);
  assert.ok(segment, `the case must stay on the create path, not ${url.pathname}`);
  const parameters = {
    groupId: decodeURIComponent(segment[1] ?? ''),
    envelope: url.searchParams.get('envelope') ?? undefined,
    pretty: url.searchParams.get('pretty') ?? undefined,
  };
  const onParameters = parameterViolation(parameters);
  if (onParameters !== undefined) found.push(onParameters);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...found, { scenario: 'json-malformed', pointer: '', rule: 'json', parameters: [] }];
  }
  const onBody = requestViolation(body);
  if (onBody !== undefined) return [...found, onBody];
  const onRegion = regionViolation(body, regions);
  return onRegion === undefined ? found : [...found, onRegion];
}

describe('generators', () => {
  const everyArbitrary: [string, fc.Arbitrary<unknown>][] = [
    ['validCreateBody', validCreateBody(regions)],
    ['validNameTail', validNameTail()],
    ['invalidName', invalidName()],
    ...Object.entries(groups),
  ];

  for (const [name, arbitrary] of everyArbitrary) {
    it(`should give the same values for the same seed (${name})`, () => {
      const first = fc.sample(arbitrary, { seed: 4242, numRuns });
      const second = fc.sample(arbitrary, { seed: 4242, numRuns });
      assert.deepEqual(second, first);
    });
  }

  // A live run leaves these groups out because they may create: the list must be exactly the
  // groups whose scenarios the catalogue lets a target accept, or a billable one slips through.
  for (const [group, arbitrary] of Object.entries(groups)) {
    const listed = groupsATargetMayAccept.includes(group as keyof typeof groups);
    it(`should list ${group} as a kind a target may accept only if its scenarios allow it`, () => {
      const scenarios = new Set(fc.sample(arbitrary, { seed: 11, numRuns }).map((c) => c.scenario));
      for (const id of scenarios) {
        assert.equal(scenario(id).ignoredIsAcceptable === true, listed, `${group}: ${id}`);
      }
    });
  }

  it('should generate only valid create bodies, as sent on the wire', () => {
    fc.assert(
      fc.property(validCreateBody(regions), (body) => {
        const sent = JSON.parse(JSON.stringify(body)) as unknown;
        assert.equal(requestViolation(sent), undefined);
        assert.equal(regionViolation(sent, regions), undefined);
      }),
      { numRuns, seed: 17 },
    );
  });

  it('should generate name tails that match the name pattern', () => {
    fc.assert(
      fc.property(validNameTail(), (tail) => namePattern.test(tail)),
      { numRuns, seed: 17 },
    );
  });

  it('should cover every optional field and both tag length bounds among valid bodies', () => {
    const bodies = fc.sample(validCreateBody(regions), { seed: 5, numRuns });
    const seen = (test: (body: (typeof bodies)[number]) => boolean) => bodies.some(test);
    assert.ok(
      seen((b) => b.serverlessBackupOptions?.serverlessContinuousBackupEnabled !== undefined),
    );
    assert.ok(seen((b) => b.terminationProtectionEnabled !== undefined));
    assert.ok(seen((b) => b.providerSettings.providerName === 'SERVERLESS'));
    const tags = bodies.flatMap((b) => b.tags ?? []);
    for (const field of ['key', 'value'] as const) {
      const bounds = tagSchema().properties?.[field] ?? {};
      const lengths = tags.map((t) => [...t[field]].length);
      for (const bound of [bounds.minLength, bounds.maxLength]) {
        assert.ok(lengths.includes(Number(bound)), `tag ${field} of length ${bound} must appear`);
      }
    }
    assert.ok(
      tags.some((t) => /[^\u0000-\u007f]/u.test(t.value)),
      'Unicode tag values must appear',
    );
  });

  for (const [group, arbitrary] of Object.entries(groups)) {
    it(`should break exactly the rule each case claims, once serialised (${group})`, () => {
      fc.assert(
        fc.property(arbitrary, (requestCase) => {
          const violations = violationsOnTheWire(requestCase);
          assert.deepEqual(
            violations.map(claim),
            [claim(requestCase)],
            `${requestCase.breaks}: ${JSON.stringify(requestCase).slice(0, 300)}`,
          );
        }),
        { numRuns, seed: 23 },
      );
    });
  }

  it('should give cases a unique name without touching the name they break', () => {
    fc.assert(
      fc.property(fc.oneof(...Object.values(groups)), (requestCase) => {
        const renamed = withUniqueName(requestCase, (tail) => `acs0000${tail}`);
        const before = requestCase.body as { name?: unknown } | undefined;
        const after = renamed.body as { name?: unknown } | undefined;
        if (requestCase.scenario === 'name-invalid') assert.equal(after?.name, before?.name);
        else if (typeof before?.name === 'string')
          assert.equal(after?.name, `acs0000${before.name}`);
        assert.deepEqual(violationsOnTheWire(renamed).map(claim), [claim(requestCase)]);
      }),
      { numRuns, seed: 29 },
    );
  });
});
