/**
 * positive_data_acceptance: any valid request is created (201), and the body echoes what was
 * sent (name, provider settings, tags, termination protection) with the read-only fields
 * well-formed: `id` and `groupId` 24 hex digits, `groupId` the project of the path,
 * `createDate` a date-time, `stateName` in its enum.
 * Source: endpoint.md (body rules, success example); official-contract.md §4-5 (201 Created);
 * atlas-behaviour.md §7 (stateName values).
 */
import { validCreateBody, type CreateBody } from '../fixtures/arbitraries/valid-create-body.ts';
import { describeCheck } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { offeredRegionsFor } from '../fixtures/request-samples.ts';
import { createRequest } from '../fixtures/requests.ts';
import { skipPastSunset, takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';
import { tagsSent } from '../lib/run-tag.ts';

const objectId = /^[a-f0-9]{24}$/;
// RFC 3339 date-time, as Atlas writes it (to the second, Z) or with an offset and fraction.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const stateNames = ['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'];

interface AnsweredInstance {
  id?: unknown;
  groupId?: unknown;
  name?: unknown;
  createDate?: unknown;
  stateName?: unknown;
  tags?: unknown;
  terminationProtectionEnabled?: unknown;
  providerSettings?: { backingProviderName?: unknown; regionName?: unknown };
}

test.describe('positive_data_acceptance', () => {
  test('should create any valid instance and echo what was sent', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('positive_data_acceptance', 'critical');
    skipPastSunset(era);
    const runs = takeCreations(budget, target.config.numRuns);

    await checkProperty(
      'valid create bodies are accepted',
      client,
      target.config,
      validCreateBody(offeredRegionsFor(era)),
      async (generated: CreateBody) => {
        const body = { ...generated, name: names.next(generated.name) };
        const exchange = await client.send(createRequest(target.projectId, body));
        if (exchange.response.status < 300) cleanup.track(target.projectId, body.name);

        expect(
          exchange.response.status,
          'positive_data_acceptance: a valid create must be answered 201',
        ).toBe(201);
        const answered = (exchange.response.json ?? {}) as AnsweredInstance;
        const echo = (what: string) => `positive_data_acceptance: the body must echo ${what}`;
        expect(answered.name, echo('the name')).toBe(body.name);
        expect(answered.providerSettings?.backingProviderName, echo('the provider')).toBe(
          body.providerSettings.backingProviderName,
        );
        expect(answered.providerSettings?.regionName, echo('the region')).toBe(
          body.providerSettings.regionName,
        );
        // What was sent: on a live target the client adds the run tag (lib/run-tag.ts).
        expect(answered.tags ?? [], echo('the tags')).toEqual(tagsSent(exchange.request));
        expect(answered.terminationProtectionEnabled, echo('termination protection')).toBe(
          body.terminationProtectionEnabled ?? false,
        );

        const field = (what: string) => `positive_data_acceptance: ${what}`;
        expect(answered.id, field('id must be 24 hex digits')).toMatch(objectId);
        expect(answered.groupId, field('groupId must be the project of the path')).toBe(
          target.projectId,
        );
        expect(answered.createDate, field('createDate must be a date-time')).toMatch(dateTime);
        expect(
          stateNames,
          field(`stateName ${String(answered.stateName)} must be in its enum`),
        ).toContain(answered.stateName);
      },
      { numRuns: runs },
    );
  });
});
