/**
 * duplicate_name: a name already taken in the project is refused with 400
 * DUPLICATE_CLUSTER_NAME (not 409), however many creates race for it.
 * Source: atlas-behaviour.md §5 (recorded for the Flex create, 2025-06-20, params
 * ["cluster or serverless instance", name, group]); error-catalogue.json `duplicate-name`.
 */
import { validCreateBody } from '../fixtures/arbitraries/valid-create-body.ts';
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { offeredRegionsFor } from '../fixtures/request-samples.ts';
import { createRequest } from '../fixtures/requests.ts';
import { skipPastSunset, takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';

// Creates racing for a name already taken: each must be refused.
const racers = 3;

test.describe('duplicate_name', () => {
  test('should refuse every create of a name the project already has', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('duplicate_name', 'critical');
    skipPastSunset(era);
    // Each run creates one instance, and as many more as a faulty target lets through.
    const runs = takeCreations(budget, Math.min(5, target.config.numRuns));

    await checkProperty(
      'a taken name is refused',
      client,
      target.config,
      validCreateBody(offeredRegionsFor(era)),
      async (generated) => {
        const first = { ...generated, name: names.next(generated.name) };
        const original = await client.send(createRequest(target.projectId, first));
        if (original.response.status < 300) cleanup.track(target.projectId, first.name);
        expect(original.response.status, 'duplicate_name: the first create must succeed').toBe(201);

        // The same body again, unprotected so a faulty target's extra copies can be deleted.
        const again = { ...generated, name: first.name, terminationProtectionEnabled: false };
        const answers = await Promise.all(
          Array.from({ length: racers }, () => client.send(createRequest(target.projectId, again))),
        );
        for (const answer of answers) {
          expectErrorAnswer('duplicate_name', 'duplicate-name', answer, target.config.strictness);
        }
      },
      { numRuns: runs },
    );
  });
});
