/**
 * One measurement of `bench:mock`: autocannon under a fixed load for a fixed time, reduced to
 * what the bench reports (throughput, p99 latency, answers that were not 2xx).
 */
import { createRequire } from 'node:module';

export interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;

// autocannon ships no types of its own; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

export interface Measurement {
  rps: number;
  p99: number;
  failed: number;
}

export async function measureOnce(load: Parameters<Cannon>[0]): Promise<Measurement> {
  const result = await autocannon(load);
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
