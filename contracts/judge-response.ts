/**
 * The verdict on one recorded response, for people with captures (`npm run validate`).
 *
 * Which contract a body follows comes from operations.json when the request is known (method
 * and URL), and from the status otherwise: an error status is an error body, 201 an instance,
 * 202 the accepted body, 200 a list, a Flex cluster or an instance by the body's shape. An
 * enveloped body (`{status, content}`) is judged as an envelope, then its content by the
 * status it carries.
 */
import { operations, type OperationContract } from './operations.ts';
import type { ContractName } from './schemas.ts';
import { judgeBody, type Verdict } from './verdict.ts';

export interface RecordedResponse {
  status: number;
  body: unknown;
  /** Known for HAR entries: lets the operation decide the contract. */
  request?: { method: string; url: string };
}

export interface ResponseJudgement {
  /** The contracts judged, outermost first (`envelope`, then what it wraps). */
  contracts: ContractName[];
  verdict: Verdict;
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

function operationOf(request: RecordedResponse['request']): OperationContract | undefined {
  if (request === undefined) return undefined;
  let path: string;
  try {
    path = new URL(request.url, 'http://capture.invalid').pathname;
  } catch {
    return undefined;
  }
  return Object.values(operations).find(
    (op) => op.method === request.method.toUpperCase() && templateMatches(op.path, path),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The contract of an answer body, or `undefined` when no contract covers the status. */
export function contractFor(response: RecordedResponse): ContractName | undefined {
  if (response.status >= 400) return 'error';
  const declared = operationOf(response.request)?.responses[String(response.status)];
  if (declared !== undefined) return declared.contract;
  if (response.status === 201) return 'instance';
  if (response.status === 202) return 'request-accepted';
  if (response.status !== 200 || !isObject(response.body)) return undefined;
  if ('results' in response.body) return 'list';
  const settings = response.body.providerSettings;
  const flex =
    'clusterType' in response.body || (isObject(settings) && settings.providerName === 'FLEX');
  return flex ? 'flex-cluster' : 'instance';
}

function isEnvelope(body: unknown): body is { status: number; content: unknown } {
  return isObject(body) && typeof body.status === 'number' && 'content' in body;
}

/** Findings inside an envelope point into its `content`. */
function withinContent(verdict: Verdict): Verdict {
  if (verdict.kind === 'conformant') return verdict;
  const findings = verdict.findings.map((f) => ({
    ...f,
    pointer: f.pointer === '/' ? '/content' : `/content${f.pointer}`,
  }));
  return { kind: verdict.kind, findings };
}

export function judgeResponse(response: RecordedResponse): ResponseJudgement | undefined {
  if (isEnvelope(response.body)) {
    const outer = judgeBody('envelope', response.body);
    const inner = judgeResponse({
      ...response,
      status: response.body.status,
      body: response.body.content,
    });
    if (outer.kind === 'deviation' || inner === undefined) {
      return { contracts: ['envelope'], verdict: outer };
    }
    const verdict =
      outer.kind === 'drift' && inner.verdict.kind === 'conformant'
        ? outer
        : withinContent(inner.verdict);
    return { contracts: ['envelope', ...inner.contracts], verdict };
  }
  const contract = contractFor(response);
  if (contract === undefined) return undefined;
  return { contracts: [contract], verdict: judgeBody(contract, response.body) };
}
