/**
 * GET /api/atlas/v2/groups/{groupId}/serverless: the project's instances in creation order,
 * paged by `itemsPerPage` (1 to 500, default 100) and `pageNum` (from 1, default 1), with
 * `totalCount` unless `includeCount=false` (official-contract.md, list parameters).
 *
 * Choices where Atlas's answer is unknown (atlas-behaviour.md §9):
 * - a page number or size out of range, or not a whole number, gets 400
 *   INVALID_QUERY_PARAMETER (a code on Atlas's error page) rather than being clamped;
 * - `links` hold `self`, and `previous`/`next` where those pages exist, like Atlas's other lists.
 * Past the create's sunset the list is empty, as Atlas's was from January 2026 (§0).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { mockError } from '../atlas-error.ts';
import { admit } from '../gate.ts';
import { instanceView } from '../instance-view.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { baseUrlOf } from './base-url.ts';

type ListRequest = FastifyRequest<{
  Params: { groupId: string };
  Querystring: Record<string, string | string[] | undefined>;
}>;

function wholeNumber(
  query: ListRequest['query'],
  name: string,
  fallback: number,
  range: [number, number],
): number | undefined {
  const raw = query[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= range[0] && value <= range[1] ? value : undefined;
}

const invalidParameter = (name: string) =>
  mockError(400, 'INVALID_QUERY_PARAMETER', `Invalid query parameter ${name} specified.`, [name]);

export function listServerless(context: MockContext, request: ListRequest, reply: FastifyReply) {
  const { groupId } = request.params;
  const admitted = admit(context, request, reply, groupId, 'read', 'serverless-read');
  if (admitted === undefined) return reply;
  const answer = (a: Parameters<typeof sendAnswer>[2]) =>
    sendAnswer(request, reply, a, admitted.answerContext);

  const itemsPerPage = wholeNumber(request.query, 'itemsPerPage', 100, [1, 500]);
  if (itemsPerPage === undefined) return answer(invalidParameter('itemsPerPage'));
  const pageNum = wholeNumber(request.query, 'pageNum', 1, [1, Number.MAX_SAFE_INTEGER]);
  if (pageNum === undefined) return answer(invalidParameter('pageNum'));
  const includeCount = request.query.includeCount !== 'false';

  const all = admitted.era.gone ? [] : context.store.list(groupId, admitted.now);
  const start = (pageNum - 1) * itemsPerPage;
  const base = baseUrlOf(request);
  const results = all
    .slice(start, start + itemsPerPage)
    .map((instance) => instanceView(instance, context.store.stateOf(instance, admitted.now), base));

  const page = (n: number) =>
    `${base}/api/atlas/v2/groups/${groupId}/serverless?includeCount=${includeCount}` +
    `&itemsPerPage=${itemsPerPage}&pageNum=${n}`;
  const links = [{ href: page(pageNum), rel: 'self' }];
  if (pageNum > 1) links.unshift({ href: page(pageNum - 1), rel: 'previous' });
  if (start + itemsPerPage < all.length) links.push({ href: page(pageNum + 1), rel: 'next' });

  const body = includeCount ? { links, results, totalCount: all.length } : { links, results };
  return answer({ status: 200, body, paginated: true });
}
