/**
 * lifecycle: what the create made can be followed through its life. It is answered by GET with
 * the same id, it is in the project's list, it reaches IDLE within a bound, DELETE answers 202
 * and then the instance is DELETING or gone (404). Termination protection blocks DELETE (400)
 * until a PATCH lifts it.
 * Source: atlas-behaviour.md §7 (states, timings, DELETE 202 {}, then DELETING, then 404);
 * official-contract.md §3 (GET, list, PATCH, DELETE). The serverless-specific code for a
 * protected DELETE was never recorded (§9.6): the status is asserted, the code recorded.
 */
import { annotateOnce, describeCheck } from '../fixtures/checks.ts';
import {
  getInstance,
  listedInstance,
  waitBoundsFor,
  waitForState,
  type InstanceBody,
} from '../fixtures/instance-reads.ts';
import { createRequest, instancePath } from '../fixtures/requests.ts';
import { skipPastSunset, takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';

const providerSettings = { backingProviderName: 'AWS', regionName: 'US_EAST_1' };
const stateNames = ['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'];

test.describe('lifecycle', () => {
  test('should follow an instance from create through IDLE to deletion', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('lifecycle', 'critical');
    skipPastSunset(era);
    takeCreations(budget, 1);
    const bounds = waitBoundsFor(target);
    test.setTimeout(bounds.boundMs + 120_000);
    const groupId = target.projectId;
    const name = names.next();

    const created = await test.step('create', async () => {
      const exchange = await client.send(createRequest(groupId, { name, providerSettings }));
      if (exchange.response.status < 300) cleanup.track(groupId, name);
      expect(exchange.response.status, 'lifecycle: the create must succeed').toBe(201);
      const body = exchange.response.json as InstanceBody;
      expect(stateNames, 'lifecycle: the new instance must have a known state').toContain(
        body.stateName,
      );
      return body;
    });

    await test.step('GET answers the same instance', async () => {
      const read = await getInstance(client, groupId, name);
      expect(read.response.status, 'lifecycle: GET must find the new instance').toBe(200);
      const body = read.response.json as InstanceBody;
      expect(body.id, 'lifecycle: GET must answer the id the create gave').toBe(created.id);
      expect(body.name, 'lifecycle: GET must answer the same name').toBe(name);
    });

    await test.step('the list holds it', async () => {
      const { found, last } = await listedInstance(client, groupId, name);
      expect(last.response.status, 'lifecycle: the list must answer 200').toBe(200);
      expect(found?.id, 'lifecycle: the list must hold the new instance').toBe(created.id);
    });

    await test.step('it reaches IDLE within the bound', async () => {
      const { reached, last, waitedMs } = await waitForState(client, groupId, name, 'IDLE', bounds);
      const state = (last.response.json as InstanceBody | undefined)?.stateName;
      annotateOnce('observed', `IDLE after ${Math.round(waitedMs)} ms`);
      expect(
        reached,
        `lifecycle: the instance must reach IDLE within ${bounds.boundMs} ms ` +
          `(last: ${last.response.status} ${String(state)})`,
      ).toBe(true);
    });

    await test.step('DELETE answers 202, then it is DELETING or gone', async () => {
      const deleted = await client.send({ method: 'DELETE', path: instancePath(groupId, name) });
      expect(deleted.response.status, 'lifecycle: DELETE must answer 202 Accepted').toBe(202);
      const after = await getInstance(client, groupId, name);
      const state = (after.response.json as InstanceBody | undefined)?.stateName;
      const outcome = after.response.status === 404 ? 'gone' : `${after.response.status} ${state}`;
      expect(
        ['gone', '200 DELETING'],
        'lifecycle: after DELETE it must be DELETING or gone',
      ).toContain(outcome);
    });
  });

  test('should refuse to delete a protected instance until protection is lifted', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('lifecycle');
    skipPastSunset(era);
    takeCreations(budget, 1);
    const groupId = target.projectId;
    const name = names.next();
    const path = instancePath(groupId, name);

    const created = await client.send(
      createRequest(groupId, { name, providerSettings, terminationProtectionEnabled: true }),
    );
    if (created.response.status < 300) cleanup.track(groupId, name, true);
    expect(created.response.status, 'lifecycle: the protected create must succeed').toBe(201);

    const refused = await client.send({ method: 'DELETE', path });
    const code = (refused.response.json as { errorCode?: string } | undefined)?.errorCode;
    annotateOnce('observed', `protected DELETE: ${refused.response.status} ${code ?? '(none)'}`);
    expect(refused.response.status, 'lifecycle: a protected instance must refuse DELETE').toBe(400);
    const still = await getInstance(client, groupId, name);
    const state = (still.response.json as InstanceBody | undefined)?.stateName;
    expect(
      `${still.response.status} ${state}`,
      'lifecycle: a refused DELETE must not delete',
    ).not.toMatch(/^404|DELETING$/);

    const lifted = await client.send({
      method: 'PATCH',
      path,
      body: { terminationProtectionEnabled: false },
    });
    expect(lifted.response.status, 'lifecycle: PATCH must lift the protection').toBe(200);
    const deleted = await client.send({ method: 'DELETE', path });
    expect(deleted.response.status, 'lifecycle: DELETE must succeed once unprotected').toBe(202);
  });
});
