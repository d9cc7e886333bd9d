/**
 * Atlas's digest challenge to a DELETE had an empty body (`Content-Length: 0`), where every
 * other method's carried the generic 401 body (atlas-behaviour.md §1, SNAP-A). Only the
 * challenge (an answer with WWW-Authenticate) loses its body; other 401s keep theirs.
 */
import type { MockAnswer } from './atlas-error.ts';

export function challengeForMethod(method: string, answer: MockAnswer): MockAnswer {
  if (method !== 'DELETE' || answer.headers?.['WWW-Authenticate'] === undefined) return answer;
  return { ...answer, body: undefined };
}
