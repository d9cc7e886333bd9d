/**
 * The verdict on one recorded response, for people with captures (`npm run validate`).
 *
 * Rules:
 * - The operation comes from the request (method and URL) when the capture gives it: the
 *   serverless and Flex operations of operations.json, the OAuth ones of oauth-operations.json.
 *   Its declared contract for the status wins.
 * - Without an operation the body's shape and the status decide: an error status is an ApiError
 *   (an OAuth error when `error` is a string), a 200 holding `access_token` an OAuth token, 201
 *   an instance, 202 the accepted body, 200 a list, a Flex cluster or an instance by shape.
 * - An enveloped body (`{status, content}`) is judged as an envelope, then its content by the
 *   status it carries.
 * - An empty or non-JSON body is judged by what is documented or recorded for its status
 *   (bodiless-answers.ts); a JSON contract that gets no JSON body is a deviation.
 * - Headers, when the capture has them, are judged too (response-headers.ts).
 */
import { bodilessRule, bodilessVerdict, type BodyForm } from './bodiless-answers.ts';
import { oauthOperations, operations, type OperationContract } from './operations.ts';
import { headerValue, judgeHeaders, parseMediaType, type HeaderMap } from './response-headers.ts';
import type { ContractName } from './schemas.ts';
import type { Finding } from './validator.ts';
import { judgeBody, type Verdict } from './verdict.ts';

export interface RecordedResponse {
  status: number;
  headers?: HeaderMap;
  /** The body parsed as JSON; absent when the body is empty or not JSON. */
  body?: unknown;
  /** The body as received, when it is not JSON. */
  text?: string;
  /** Known for HAR entries: lets the operation decide the contract. */
  request?: { method: string; url: string };
}

export interface ResponseJudgement {
  /** What was judged, outermost first (`envelope`, then what it wraps; or a body-less shape). */
  contracts: string[];
  verdict: Verdict;
}

const allOperations: [string, OperationContract][] = [
  ...Object.entries(operations),
  ...Object.entries(oauthOperations),
];

function templateMatches(template: string, path: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

function operationOf(
  request: RecordedResponse['request'],
): [string, OperationContract] | undefined {
  if (request === undefined) return undefined;
  let path: string;
  try {
    path = new URL(request.url, 'http://capture.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  return allOperations.find(
    ([, op]) => op.method === request.method.toUpperCase() && templateMatches(op.path, path),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const oauthIds = new Set(Object.keys(oauthOperations));

function errorContract(operation: [string, OperationContract] | undefined, body: unknown) {
  const oauthShaped = isObject(body) && typeof body.error === 'string';
  if (operation !== undefined && !oauthIds.has(operation[0])) return 'error';
  return oauthShaped ? 'oauth-error' : 'error';
}

/** The contract of a JSON answer body, or `undefined` when no contract covers the status. */
export function contractFor(
  response: Pick<RecordedResponse, 'status' | 'body' | 'request'>,
): ContractName | undefined {
  const operation = operationOf(response.request);
  const declared = operation?.[1].responses[String(response.status)];
  if (declared !== undefined) return declared.contract;
  const { status, body } = response;
  if (status >= 400) return errorContract(operation, body);
  if (operation !== undefined && oauthIds.has(operation[0])) return undefined;
  if (status === 201) return 'instance';
  if (status === 202) return 'request-accepted';
  if (status !== 200 || !isObject(body)) return undefined;
  if ('access_token' in body) return 'oauth-token';
  if ('results' in body) return 'list';
  const settings = body.providerSettings;
  const flex = 'clusterType' in body || (isObject(settings) && settings.providerName === 'FLEX');
  return flex ? 'flex-cluster' : 'instance';
}

function isEnvelope(body: unknown): body is { status: number; content: unknown } {
  return isObject(body) && typeof body.status === 'number' && 'content' in body;
}

/** Findings inside an envelope point into its `content`. */
function withinContent(findings: Finding[]): Finding[] {
  return findings.map((f) => ({
    ...f,
    pointer: f.pointer === '/' ? '/content' : `/content${f.pointer}`,
  }));
}

interface Judged {
  contracts: string[];
  deviations: Finding[];
  drift: Finding[];
  /** The innermost contract and body, for the header checks. */
  contract?: ContractName;
  body?: unknown;
}

function split(verdict: Verdict): Pick<Judged, 'deviations' | 'drift'> {
  if (verdict.kind === 'deviation') return { deviations: verdict.findings, drift: [] };
  if (verdict.kind === 'drift') return { deviations: [], drift: verdict.findings };
  return { deviations: [], drift: [] };
}

function judgeJson(response: RecordedResponse): Judged | undefined {
  const { body } = response;
  if (isEnvelope(body)) {
    const outer = split(judgeBody('envelope', body));
    const inner = judgeJson({ ...response, status: body.status, body: body.content });
    if (outer.deviations.length > 0 || inner === undefined) {
      return { contracts: ['envelope'], ...outer };
    }
    return {
      contracts: ['envelope', ...inner.contracts],
      deviations: withinContent(inner.deviations),
      drift: [...outer.drift, ...withinContent(inner.drift)],
      body: inner.body,
    };
  }
  const contract = contractFor(response);
  if (contract === undefined) return undefined;
  return { contracts: [contract], ...split(judgeBody(contract, body)), contract, body };
}

function judgeWithoutJson(response: RecordedResponse, form: BodyForm): Judged | undefined {
  const operation = operationOf(response.request);
  const contentType = headerValue(response.headers, 'Content-Type');
  const rule = bodilessRule({
    status: response.status,
    form,
    method: response.request?.method.toUpperCase(),
    operation: operation?.[0],
    mediaType: contentType === undefined ? undefined : parseMediaType(contentType).type,
  });
  if (rule !== undefined) return { contracts: [rule.shape], ...split(bodilessVerdict(rule)) };
  const contract = contractFor({ status: response.status, request: response.request, body: {} });
  if (contract === undefined) return undefined;
  const message =
    form === 'empty'
      ? `a ${response.status} answer must carry its ${contract} body, not an empty one`
      : `a ${response.status} answer must carry its ${contract} body as JSON, not unparseable text`;
  return {
    contracts: [contract],
    deviations: [{ pointer: '/', rule: form === 'empty' ? 'body' : 'json', message }],
    drift: [],
  };
}

export function judgeResponse(response: RecordedResponse): ResponseJudgement | undefined {
  const form: BodyForm | undefined =
    response.text !== undefined ? 'text' : response.body === undefined ? 'empty' : undefined;
  const judged = form === undefined ? judgeJson(response) : judgeWithoutJson(response, form);
  if (judged === undefined) return undefined;

  if (judged.contract !== undefined || judged.body !== undefined) {
    const headers = judgeHeaders({
      status: response.status,
      headers: response.headers,
      contract: judged.contract ?? 'envelope',
      body: judged.body,
      operation: operationOf(response.request)?.[1],
    });
    judged.deviations.push(...headers.deviations);
    judged.drift.push(...headers.drift);
  }
  const verdict: Verdict =
    judged.deviations.length > 0
      ? { kind: 'deviation', findings: judged.deviations }
      : judged.drift.length > 0
        ? { kind: 'drift', findings: judged.drift }
        : { kind: 'conformant' };
  return { contracts: judged.contracts, verdict };
}
