/**
 * The base URL the caller used, so that `links` follow the request's host (Atlas's links name
 * the host that was called).
 */
import type { FastifyRequest } from 'fastify';

export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}`;
}
