/**
 * positive_data_acceptance and response_schema_conformance on the success path: any valid
 * request is created (201) and the body satisfies the success contract and echoes what was sent.
 * Source: endpoint.md (body rules, success example); official-contract.md §4-5 (201 Created).
 */
import { validCreateBody, type CreateBody } from '../fixtures/arbitraries/valid-create-body.ts';
import { describeCheck, expectConformingBody } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { createRequest } from '../fixtures/requests.ts';
import { expect, test } from '../fixtures/test.ts';
import { loadWorld } from '../fixtures/world.ts';

// The regions a create may name: the Flex regions of the Atlas docs, as the world file lists them.
const regions = loadWorld().regions;

test.describe('positive_data_acceptance', () => {
  test('should create any valid instance and echo what was sent', async ({
    client,
    target,
    era,
    names,
    cleanup,
  }) => {
    await describeCheck('positive_data_acceptance', 'critical');
    test.skip(
      era.era === 'gone',
      `the target's date ${era.reportedAt.toISOString()} is past the sunset: ` +
        'nothing can be created',
    );

    await checkProperty(
      'valid create bodies are accepted',
      client,
      target.config,
      validCreateBody(regions),
      async (generated: CreateBody) => {
        const body = { ...generated, name: names.next(generated.name) };
        const exchange = await client.send(createRequest(target.projectId, body));
        if (exchange.response.status === 201) cleanup.track(target.projectId, body.name);

        expect(
          exchange.response.status,
          `positive_data_acceptance: a valid create must be answered 201`,
        ).toBe(201);
        expectConformingBody(
          'response_schema_conformance',
          'instance',
          exchange,
          target.config.strictness,
        );
        const answered = exchange.response.json as Record<string, unknown> & {
          providerSettings: Record<string, unknown>;
        };
        expect(answered.name, 'the body must echo name').toBe(body.name);
        expect(answered.groupId, 'groupId must be the project of the path').toBe(target.projectId);
        expect(answered.providerSettings.backingProviderName).toBe(
          body.providerSettings.backingProviderName,
        );
        expect(answered.providerSettings.regionName).toBe(body.providerSettings.regionName);
        expect(answered.tags ?? [], 'the body must echo the tags').toEqual(body.tags ?? []);
        expect(answered.terminationProtectionEnabled).toBe(
          body.terminationProtectionEnabled ?? false,
        );
      },
    );
  });
});
