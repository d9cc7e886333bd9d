/**
 * The mock's control endpoints, off the /api tree so no Atlas client reaches them by mistake:
 *
 *   GET    /__mock/state                 the clock, era, planted and operational faults, and
 *                                        how many instances were added since the start
 *   POST   /__mock/clock                 {"at": ISO date}: move the simulated clock (a day that
 *                                        does not exist, such as 2025-02-30, is refused)
 *   POST   /__mock/reset                 back to the state the mock started in: instances (the
 *                                        world's seeded Flex clusters only), bearer tokens,
 *                                        rate-limit buckets, the operational faults armed at
 *                                        start, and the clock at its start setting
 *   POST   /__mock/token-expiry          {"token"}: end that bearer token's hour now (404: unknown)
 *   GET    /__mock/operational-faults    the armed operational faults
 *   POST   /__mock/operational-faults    {"kind", "times"?, "latencyMs"?, "method"?, "pathPrefix"?}
 *   DELETE /__mock/operational-faults    disarm them all
 *
 * They answer plain JSON; a bad request gets 400 {"error": "<field> must ..."}.
 */
import type { FastifyInstance } from 'fastify';

import { mockEraAt } from '../era.ts';
import { parseIsoDate } from '../iso-date.ts';
import type { MockContext } from '../mock-context.ts';
import { operationalFaultProblem, type OperationalFaultSpec } from '../operational-faults.ts';

export const controlPrefix = '/__mock';

function jsonOf(body: unknown): unknown {
  try {
    return JSON.parse(body instanceof Buffer ? body.toString('utf8') : String(body ?? '{}'));
  } catch {
    return undefined;
  }
}

export function registerControl(app: FastifyInstance, context: MockContext): void {
  const state = () => {
    const now = context.clock.now();
    return {
      now: now.toISOString(),
      era: mockEraAt(now).id,
      faults: [...context.options.faults],
      operationalFaults: context.operationalFaults.list(),
      // The world's seeded Flex clusters included: a test reads the growth over a whole run,
      // deleted instances included, to see what the run created.
      instancesAdded: context.store.addedCount,
    };
  };
  app.get(`${controlPrefix}/state`, async () => state());

  app.post(`${controlPrefix}/clock`, async (request, reply) => {
    const asked = jsonOf(request.body) as { at?: unknown } | undefined;
    if (typeof asked?.at !== 'string') {
      return reply.code(400).send({ error: 'at must be an ISO date such as 2025-06-01' });
    }
    const at = parseIsoDate(asked.at, 'at');
    if (!at.ok) return reply.code(400).send({ error: at.problem });
    context.clock.set(at.value);
    return { now: context.clock.now().toISOString(), era: mockEraAt(at.value).id };
  });

  app.post(`${controlPrefix}/reset`, async () => {
    context.reset();
    return { reset: true };
  });

  app.post(`${controlPrefix}/token-expiry`, async (request, reply) => {
    const asked = jsonOf(request.body) as { token?: unknown } | undefined;
    if (typeof asked?.token !== 'string') {
      return reply.code(400).send({ error: 'token must be a string' });
    }
    if (!context.tokens.expire(asked.token, context.clock.now())) {
      return reply.code(404).send({ error: 'token must be a live token this mock issued' });
    }
    return { expired: true };
  });

  const faults = `${controlPrefix}/operational-faults`;
  app.get(faults, async () => ({ armed: context.operationalFaults.list() }));
  app.delete(faults, async () => {
    context.operationalFaults.clear();
    return { armed: [] };
  });
  app.post(faults, async (request, reply) => {
    const spec = jsonOf(request.body);
    if (typeof spec !== 'object' || spec === null) {
      return reply.code(400).send({ error: 'the body must be a JSON object' });
    }
    const problem = operationalFaultProblem(spec as Partial<OperationalFaultSpec>);
    if (problem !== undefined) return reply.code(400).send({ error: problem });
    context.operationalFaults.arm(spec as OperationalFaultSpec);
    return reply.code(201).send({ armed: context.operationalFaults.list() });
  });
}
