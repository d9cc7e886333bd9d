/**
 * The mock's control endpoints, off the /api tree so no Atlas client reaches them by mistake:
 * read the state, move the simulated clock, forget every instance.
 */
import type { FastifyInstance } from 'fastify';

import { mockEraAt } from '../era.ts';
import type { MockContext } from '../mock-context.ts';

export const controlPrefix = '/__mock';

export function registerControl(app: FastifyInstance, context: MockContext): void {
  app.get(`${controlPrefix}/state`, async () => {
    const now = context.clock.now();
    return { now: now.toISOString(), era: mockEraAt(now).id, faults: [...context.options.faults] };
  });
  app.post(`${controlPrefix}/clock`, async (request, reply) => {
    const at = new Date(JSON.parse(String(request.body ?? '{}')).at ?? '');
    if (Number.isNaN(at.getTime()))
      return reply.code(400).send({ error: 'at must be an ISO date' });
    context.clock.set(at);
    return { now: context.clock.now().toISOString(), era: mockEraAt(at).id };
  });
  app.post(`${controlPrefix}/reset`, async () => {
    context.store.clear();
    return { reset: true };
  });
}
