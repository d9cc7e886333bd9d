/**
 * Answers whose body is empty or not JSON, and what the documentation and the recordings say
 * of each: a JSON Schema cannot judge them, so the verdict is written down here, rule by rule,
 * with its source (atlas-behaviour.md unless said otherwise).
 *
 * Rules:
 * - conformant: the documentation (or HTTP itself) declares the answer without a body.
 * - drift: real Atlas is recorded answering so, and the published contract does not declare it
 *   (it declares an ApiError JSON body for every error, official-contract.md §6). Reported,
 *   failing only in strict mode, never a deviation: the server behaves as Atlas does.
 * - Anything else without a JSON body, where a contract declares one, is a deviation.
 */
import type { Verdict } from './verdict.ts';

export type BodyForm = 'empty' | 'text';

export interface BodilessAnswer {
  status: number;
  form: BodyForm;
  /** Upper-case HTTP method, when the capture gives it. */
  method?: string;
  /** The operation's id, when the capture names a known operation. */
  operation?: string;
  /** The media type without parameters, lower case, when the capture gives it. */
  mediaType?: string;
}

export interface BodilessRule {
  /** What the judgement calls the shape (printed by `npm run validate`). */
  shape: string;
  verdict: 'conformant' | 'drift';
  why: string;
  applies(answer: BodilessAnswer): boolean;
}

const gatewayStatuses = [502, 503, 504];

export const bodilessRules: readonly BodilessRule[] = [
  {
    shape: 'no-content',
    verdict: 'conformant',
    why:
      'a 204 has no content (RFC 9110 §15.3.5); the Flex DELETE documents 204 without a ' +
      'body (official-contract.md §1)',
    applies: (a) => a.status === 204 && a.form === 'empty',
  },
  {
    shape: 'revoked',
    verdict: 'conformant',
    why: 'POST /api/oauth/revoke answers 200 with no body (atlas-behaviour.md §2, SA)',
    applies: (a) => a.operation === 'oauth-revoke' && a.status === 200 && a.form === 'empty',
  },
  {
    shape: 'method-not-allowed',
    verdict: 'drift',
    why:
      'Atlas answers a method the path lacks with 405, an empty body and an Allow ' +
      'header (atlas-behaviour.md §5, SNAP history); the published operations declare ' +
      'no 405',
    applies: (a) => a.status === 405 && a.form === 'empty',
  },
  {
    shape: 'empty-challenge',
    verdict: 'drift',
    why:
      'the digest challenge of a DELETE was recorded with an empty body ' +
      '(Content-Length: 0, atlas-behaviour.md §1, SNAP-A); the documentation declares ' +
      'an ApiError body. Other methods were recorded with a JSON body, so an empty one ' +
      'is a deviation when the capture names the method',
    applies: (a) =>
      a.status === 401 && a.form === 'empty' && (a.method === undefined || a.method === 'DELETE'),
  },
  {
    shape: 'gateway-page',
    verdict: 'drift',
    why:
      'a 502 from the proxy in front of Atlas is an HTML page (atlas-behaviour.md §5, ' +
      "SNAP history), not an ApiError: the failure is the gateway's, which " +
      'not_a_server_error judges by status. 503 and 504 are the other gateway statuses ' +
      '(RFC 9110 §15.6.4-5) and are read the same way, by inference: no such page was ' +
      'recorded',
    applies: (a) =>
      gatewayStatuses.includes(a.status) &&
      a.form === 'text' &&
      (a.mediaType === undefined || a.mediaType === 'text/html'),
  },
];

/** The documented verdict on a body-less or non-JSON answer, or `undefined` if none applies. */
export function bodilessRule(answer: BodilessAnswer): BodilessRule | undefined {
  return bodilessRules.find((rule) => rule.applies(answer));
}

/** The verdict a rule gives, as a finding when it is drift. */
export function bodilessVerdict(rule: BodilessRule): Verdict {
  if (rule.verdict === 'conformant') return { kind: 'conformant' };
  return { kind: 'drift', findings: [{ pointer: '/', rule: rule.shape, message: rule.why }] };
}
