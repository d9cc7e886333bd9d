/**
 * response_schema_conformance: every success body satisfies the instance contract and every
 * error body the error contract. A deviation always fails; documentation drift (what real
 * Atlas sends beyond the documentation) fails only with ATLAS_CONFORMANCE_STRICTNESS=fail.
 * An error body also names its answer: `error` is the status, `reason` its phrase
 * (fixtures/rules/error-identity.ts). Most sampled refusals are 400, so one refusal of each
 * other kind (401, 404, 406, 415) is sent as well: a body that names the wrong status shows
 * only on a status other than the one it names.
 * Source: contracts/instance.schema.json, contracts/error.schema.json (x-source on each rule);
 * endpoint.md 'Error responses'; atlas-behaviour.md §1, §3, §5.
 */
import { describeCheck, expectConformingBody } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { checkSampledAnswers, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';
import type { ApiRequest } from '../lib/atlas-client.ts';

// A well-formed project id no one is given: Atlas's id space is too large to hit by chance.
const unknownProject = 'ffffffffffffffffffffff00';

/** One refusal of each kind whose status is not 400, each for a run-unique valid body. */
function refusals(projectId: string, name: () => string): [string, ApiRequest][] {
  const body = () => ({
    name: name(),
    providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
  });
  return [
    ['no credentials', createRequest(projectId, body(), { auth: 'none' })],
    ['an unknown project', createRequest(unknownProject, body())],
    [
      'an unknown version',
      createRequest(projectId, body(), {
        headers: { Accept: 'application/vnd.atlas.1999-01-01+json' },
      }),
    ],
    [
      'a body labelled text/plain',
      {
        ...createRequest(projectId, undefined, { headers: { 'Content-Type': 'text/plain' } }),
        rawBody: JSON.stringify(body()),
      },
    ],
  ];
}

test.describe('response_schema_conformance', () => {
  for (const half of sampleHalves) {
    test(`should answer every create with a body its contract allows (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('response_schema_conformance', 'critical');

      await checkSampledAnswers(
        { client, target, names, budget, cleanup },
        half,
        'every body satisfies its contract',
        (_sample, { exchange }) => {
          const status = exchange.response.status;
          if (exchange.response.text === '') return;
          const contract = status < 300 ? 'instance' : 'error';
          expectConformingBody(
            'response_schema_conformance',
            contract,
            exchange,
            target.config.strictness,
          );
        },
      );
    });
  }

  test('should give each kind of refusal an error body naming its own status', async ({
    client,
    target,
    names,
    cleanup,
  }) => {
    await describeCheck('response_schema_conformance', 'critical');

    for (const [label, request] of refusals(target.projectId, () => names.next())) {
      const exchange = await client.send(request);
      const { status, text } = exchange.response;
      const sent = request.body as { name?: string } | undefined;
      const name = sent?.name ?? (JSON.parse(request.rawBody as string) as { name: string }).name;
      if (status < 300) cleanup.track(target.projectId, name);
      expect(status, `response_schema_conformance: ${label} must be refused`).toBeGreaterThan(399);
      if (text === '') continue;
      expectConformingBody(
        `response_schema_conformance (${label})`,
        'error',
        exchange,
        target.config.strictness,
      );
    }
  });
});
