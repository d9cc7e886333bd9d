/**
 * flex_migration: from February 2025 the create makes a Flex cluster. The answer keeps the
 * serverless shape and shows Flex only through `effectiveInstanceSizeName: FLEX` and
 * `effectiveProviderName: TENANT`; `serverlessContinuousBackupEnabled` takes the value sent but
 * toggles nothing: the Flex cluster's backups are on whatever was sent.
 * Source: endpoint.md status notice; atlas-behaviour.md §7 (recorded 201 bodies, FLEXMIG);
 * official-contract.md §8 (the Flex representation, media type 2024-11-13). That the instance
 * shows up in GET /flexClusters/{name} was never recorded (§7, inferred): that test says so.
 */
import fc from 'fast-check';

import { annotateOnce, describeCheck } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { createRequest, flexClusterPath } from '../fixtures/requests.ts';
import { describeEra, type TargetEra } from '../fixtures/run-era.ts';
import { takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';

const flexMediaType = 'application/vnd.atlas.2024-11-13+json';
const providerSettings = { backingProviderName: 'AWS', regionName: 'US_EAST_1' };

interface ServerlessAnswer {
  providerSettings?: { effectiveInstanceSizeName?: unknown; effectiveProviderName?: unknown };
  serverlessBackupOptions?: { serverlessContinuousBackupEnabled?: unknown };
}

interface FlexAnswer {
  name?: unknown;
  providerSettings?: { providerName?: unknown };
  backupSettings?: { enabled?: unknown };
}

function skipOutsideFlexEra(era: TargetEra): void {
  test.skip(
    era.era === 'serverless',
    `the target's era is ${describeEra(era)}: creates made serverless instances before Feb 2025`,
  );
  test.skip(
    era.uncertain.includes('flex-backed'),
    `the target's date ${describeEra(era)} lies where the switch to Flex may or may not have ` +
      'happened: either answer would be right',
  );
  test.skip(
    era.era === 'gone',
    `the target's era is ${describeEra(era)}: past the sunset nothing is created`,
  );
}

// The backup flag sent: on, off, or left out.
const backupFlag = fc.constantFrom<boolean | undefined>(true, false, undefined);

function bodyWith(name: string, flag: boolean | undefined) {
  return flag === undefined
    ? { name, providerSettings }
    : {
        name,
        providerSettings,
        serverlessBackupOptions: { serverlessContinuousBackupEnabled: flag },
      };
}

test.describe('flex_migration', () => {
  test('should create a Flex cluster whatever the backup flag says', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('flex_migration');
    skipOutsideFlexEra(era);
    const runs = takeCreations(budget, Math.min(6, target.config.numRuns));

    await checkProperty(
      'the create makes a Flex cluster',
      client,
      target.config,
      backupFlag,
      async (flag) => {
        const name = names.next();
        const exchange = await client.send(createRequest(target.projectId, bodyWith(name, flag)));
        if (exchange.response.status < 300) cleanup.track(target.projectId, name);
        expect(exchange.response.status, 'flex_migration: the create must succeed').toBe(201);

        const answer = exchange.response.json as ServerlessAnswer;
        expect(
          answer.providerSettings?.effectiveInstanceSizeName,
          'flex_migration: effectiveInstanceSizeName must be FLEX',
        ).toBe('FLEX');
        expect(
          answer.providerSettings?.effectiveProviderName,
          'flex_migration: effectiveProviderName must be TENANT',
        ).toBe('TENANT');
        expect(
          answer.serverlessBackupOptions?.serverlessContinuousBackupEnabled,
          'flex_migration: the backup flag must take the value sent (false when left out)',
        ).toBe(flag ?? false);
      },
      { numRuns: runs },
    );
  });

  test('should show the instance through the Flex API, backups on (inferred)', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('flex_migration', 'minor');
    skipOutsideFlexEra(era);
    takeCreations(budget, 1);
    annotateOnce('evidence', 'inferred: never recorded for an instance made by this create');

    const name = names.next();
    const created = await client.send(createRequest(target.projectId, bodyWith(name, false)));
    if (created.response.status < 300) cleanup.track(target.projectId, name);
    expect(created.response.status, 'flex_migration: the create must succeed').toBe(201);

    const flex = await client.send({
      method: 'GET',
      path: flexClusterPath(target.projectId, name),
      headers: { Accept: flexMediaType },
    });
    expect(flex.response.status, 'flex_migration: GET /flexClusters/{name} must find it').toBe(200);
    const cluster = flex.response.json as FlexAnswer;
    expect(cluster.name, 'flex_migration: the Flex cluster must have the name').toBe(name);
    expect(
      cluster.providerSettings?.providerName,
      'flex_migration: the Flex view must say providerName FLEX',
    ).toBe('FLEX');
    expect(
      cluster.backupSettings?.enabled,
      'flex_migration: backups must be on although continuous backup was switched off',
    ).toBe(true);
  });
});
