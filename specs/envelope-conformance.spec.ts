/**
 * envelope_conformance: with envelope=true the answer is {status, content}, where status is the
 * plain answer's status and content its body. Atlas documents no HTTP status for enveloped
 * answers (atlas-behaviour.md §4): the plain status or 200 is accepted, and recorded.
 * Source: endpoint.md 'Query parameters'; envelope.schema.json.
 */
import fc from 'fast-check';

import { describeCheck, expectConformingBody } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { createRequest } from '../fixtures/requests.ts';
import { expect, test } from '../fixtures/test.ts';
import { invalidName } from '../fixtures/arbitraries/invalid-name.ts';

test.describe('envelope_conformance', () => {
  test('should wrap the same error answer in {status, content}', async ({
    client,
    target,
    era,
  }) => {
    await describeCheck('envelope_conformance');
    test.skip(era.era === 'gone', 'past the sunset the plain answer is 410 whatever the body');

    const arbitrary = fc.record({ name: invalidName() });
    await checkProperty(
      'enveloped answers wrap the plain ones',
      client,
      target.config,
      arbitrary,
      async ({ name }) => {
        const body = {
          name: name.value,
          providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
        };
        const plain = await client.send(createRequest(target.projectId, body));
        const wrapped = await client.send(
          createRequest(target.projectId, body, { query: { envelope: 'true' } }),
        );

        expectConformingBody('envelope_conformance', 'envelope', wrapped, 'off');
        const envelope = wrapped.response.json as { status: number; content: unknown };
        test.info().annotations.push({
          type: 'observed',
          description:
            `enveloped HTTP status ${wrapped.response.status} ` +
            `for plain ${plain.response.status}`,
        });
        expect(
          [plain.response.status, 200],
          'the enveloped HTTP status must be the plain one or 200',
        ).toContain(wrapped.response.status);
        expect(envelope.status, 'envelope.status must be the plain answer status').toBe(
          plain.response.status,
        );
        expect(envelope.content, 'envelope.content must be the plain answer body').toEqual(
          plain.response.json,
        );
      },
      { numRuns: Math.min(10, target.config.numRuns) },
    );
  });
});
