/**
 * Plants the configured faults of the request and wire kinds as fastify hooks. A mock without
 * such faults gets no hook at all, so the correct mock's answers never pass through this layer.
 */
import type { FastifyInstance } from 'fastify';

import type { FaultId } from '../faults.ts';
import type { MockContext } from '../mock-context.ts';
import { requestFaults } from './request-faults.ts';
import { closeAnswer, openAnswer } from './wire-answer.ts';
import { wireFaults } from './wire-faults.ts';

function planted<T>(table: Partial<Record<FaultId, T>>, context: MockContext): T[] {
  return [...context.options.faults]
    .map((id) => table[id])
    .filter((fault): fault is T => fault !== undefined);
}

export function registerPlantedFaults(app: FastifyInstance, context: MockContext): void {
  const inRequests = planted(requestFaults, context);
  if (inRequests.length > 0) {
    app.addHook('onRequest', async (request) => {
      for (const fault of inRequests) fault(context, request);
    });
  }

  const onWire = planted(wireFaults, context);
  if (onWire.length > 0) {
    app.addHook('onSend', async (request, reply, payload) => {
      const answer = openAnswer(request, reply, payload);
      for (const fault of onWire) fault(answer);
      return closeAnswer(answer, payload);
    });
  }
}
