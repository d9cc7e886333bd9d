/**
 * sunset: past the sunset date the version answers 410 VERSION_GONE to every create; before
 * it, the version keeps answering, and in the deprecated era its Sunset header names a date
 * still ahead of the answer's own.
 * Source: atlas-behaviour.md §0 (410 Gone is Atlas's policy for a sunset version; never
 * recorded for this endpoint: evidence inferred) and §3 (Sunset header); timeline.json (the
 * sunset lies between 15 Jan 2026, the live header, and 22 Jan 2026, the contract).
 */
import { annotateOnce, describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { parseHttpDate } from '../fixtures/rules/http-date.ts';
import { describeEra } from '../fixtures/run-era.ts';
import { takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';

const providerSettings = { backingProviderName: 'AWS', regionName: 'US_EAST_1' };

test.describe('sunset', () => {
  test('should answer 410 VERSION_GONE to a create past the sunset', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('sunset', 'critical');
    test.skip(
      era.era !== 'gone',
      `the target's era is ${describeEra(era)}: the sunset has not come yet`,
    );
    const uncertain = era.uncertain.includes('gone');
    // Inside the bracket the target may still create: only then is the create billable.
    if (uncertain) takeCreations(budget, 1);

    const name = names.next();
    const exchange = await client.send(createRequest(target.projectId, { name, providerSettings }));
    if (exchange.response.status < 300) cleanup.track(target.projectId, name);
    if (uncertain && exchange.response.status === 201) {
      annotateOnce('observed', 'inside the sunset bracket the version still created');
      return;
    }
    expectErrorAnswer('sunset', 'version-gone', exchange, target.config.strictness);
  });

  test('should keep answering before the sunset, with the sunset still ahead', async ({
    client,
    target,
    era,
    cleanup,
  }) => {
    await describeCheck('sunset');
    test.skip(era.era === 'gone', `the target's era is ${describeEra(era)}: past the sunset`);

    // A create refused for its name: the version answers, and nothing is made.
    const exchange = await client.send(
      createRequest(target.projectId, { name: '-refused', providerSettings }),
    );
    // A target that wrongly accepts the name has made an instance: delete it.
    if (exchange.response.status < 300) cleanup.track(target.projectId, '-refused');
    expect(exchange.response.status, 'sunset: before the sunset the version must answer').not.toBe(
      410,
    );
    if (era.era !== 'deprecated' || era.uncertain.includes('deprecation-headers')) return;
    const sunset = exchange.response.headers.sunset;
    annotateOnce('observed', `Sunset: ${sunset ?? '(none)'}`);
    const sunsetAt = parseHttpDate(sunset);
    const answeredAt = parseHttpDate(exchange.response.headers.date);
    expect(sunsetAt, 'sunset: a deprecated version must name its sunset date').toBeDefined();
    expect(
      (sunsetAt?.getTime() ?? 0) > (answeredAt?.getTime() ?? Number.POSITIVE_INFINITY),
      `sunset: the Sunset date ${sunset} must lie after the answer's date`,
    ).toBe(true);
  });
});
