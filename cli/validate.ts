/**
 * `npm run validate -- <file>...`: judges recorded responses against the contracts.
 *
 * Input: a HAR file, or JSON holding `{status, headers, body}` or a list of them (a `request`
 * of `{method, url}` may accompany each, to name the operation). In that JSON form a `body`
 * that is a string is the body's text: parsed when it is JSON, judged as text otherwise (an
 * HTML page); `""` or no body is an empty body. The headers (HAR: `response.headers`, and
 * `content.mimeType` when no Content-Type is among them) are judged too.
 * Output: one line per response, conformant, documentation drift or deviation, with the rule
 * and JSON pointer of each finding (`header:<Name>` for a header).
 * Exit 0 when nothing deviates, 1 on any deviation (and on drift with `--strictness fail`),
 * 2 when the input cannot be read: one line on stderr says why.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { judgeResponse, type RecordedResponse } from '../contracts/judge-response.ts';
import type { HeaderMap } from '../contracts/response-headers.ts';
import { strictnessLevels, verdictFails, type Strictness } from '../contracts/verdict.ts';
import { exitCodes, exitWithUsageError } from './exit.ts';

const usage =
  'usage: npm run validate -- [--strictness fail|warn|off] <capture.har|responses.json>...';

class BadInput extends Error {}

interface Labelled extends RecordedResponse {
  label: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A body as text: JSON when it parses, the text itself otherwise; nothing when empty. */
function parseBody(text: string | undefined): Pick<RecordedResponse, 'body' | 'text'> {
  if (text === undefined || text === '') return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

/** HAR headers (`[{name, value}]`) as a map; repeated names keep every value. */
function harHeaders(list: unknown, mimeType: string | undefined): HeaderMap {
  const map: Record<string, string[]> = {};
  for (const item of Array.isArray(list) ? list : []) {
    const { name, value } = (item ?? {}) as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    (map[name.toLowerCase()] ??= []).push(value);
  }
  if (map['content-type'] === undefined && mimeType !== undefined && mimeType !== '') {
    map['content-type'] = [mimeType];
  }
  return map;
}

function jsonHeaders(value: unknown, where: string): HeaderMap | undefined {
  if (value === undefined) return undefined;
  const valid =
    isObject(value) &&
    Object.values(value).every(
      (v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')),
    );
  if (!valid) throw new BadInput(`${where}.headers must map names to strings`);
  return value as HeaderMap;
}

/** The `{method, url}` that names the operation, when given; both must be strings. */
function requestOf(value: unknown, where: string): { method?: string; url?: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new BadInput(`${where}.request must be an object`);
  for (const field of ['method', 'url'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') {
      throw new BadInput(`${where}.request.${field} must be a string`);
    }
  }
  return value as { method?: string; url?: string };
}

function fromHar(har: Record<string, unknown>, file: string): Labelled[] {
  const entries = (har.log as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new BadInput(`${file}: log.entries must be a list`);
  return entries.map((entry: unknown, index) => {
    if (!isObject(entry)) throw new BadInput(`${file}: log.entries[${index}] must be an object`);
    const { request: rawRequest, response } = entry as {
      request?: { method?: string; url?: string };
      response?: {
        status?: number;
        headers?: unknown;
        content?: { text?: string; encoding?: string; mimeType?: string };
      };
    };
    if (typeof response?.status !== 'number') {
      throw new BadInput(`${file}: log.entries[${index}].response.status must be a number`);
    }
    const request = requestOf(rawRequest, `${file}: log.entries[${index}]`);
    const content = response.content ?? {};
    const text =
      content.encoding === 'base64' && content.text !== undefined
        ? Buffer.from(content.text, 'base64').toString('utf8')
        : content.text;
    return {
      label: `${file}#${index} ${request?.method ?? '?'} ${request?.url ?? '?'}`,
      status: response.status,
      headers: harHeaders(response.headers, content.mimeType),
      ...parseBody(text),
      request:
        request?.method !== undefined && request.url !== undefined
          ? { method: request.method, url: request.url }
          : undefined,
    };
  });
}

function fromResponses(value: unknown, file: string): Labelled[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item: unknown, index) => {
    if (!isObject(item) || typeof item.status !== 'number') {
      throw new BadInput(`${file}: response ${index} must be an object with a numeric status`);
    }
    const given = requestOf(item.request, `${file}: response ${index}`);
    const request =
      given?.method !== undefined && given.url !== undefined
        ? { method: given.method, url: given.url }
        : undefined;
    const headers = jsonHeaders(item.headers, `${file}: response ${index}`);
    const body = typeof item.body === 'string' ? parseBody(item.body) : { body: item.body };
    return { label: `${file}#${index}`, status: item.status, headers, ...body, request };
  });
}

function readResponses(file: string): Labelled[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInput(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (isObject(parsed) && isObject(parsed.log)) return fromHar(parsed, file);
  return fromResponses(parsed, file);
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { strictness: { type: 'string', default: 'warn' } },
    });
  } catch (error) {
    exitWithUsageError((error as Error).message, usage);
  }
  const strictness = parsed.values.strictness as Strictness;
  if (!strictnessLevels.includes(strictness)) {
    exitWithUsageError(`--strictness must be one of ${strictnessLevels.join(', ')}`, usage);
  }
  if (parsed.positionals.length === 0) exitWithUsageError('no file given', usage);

  let responses: Labelled[];
  try {
    responses = parsed.positionals.flatMap(readResponses);
  } catch (error) {
    if (error instanceof BadInput) exitWithUsageError(error.message);
    throw error;
  }

  let failed = false;
  for (const response of responses) {
    const judgement = judgeResponse(response);
    if (judgement === undefined) {
      process.stdout.write(`${response.label} ${response.status}: no contract covers it\n`);
      continue;
    }
    const { verdict, contracts } = judgement;
    const kind = verdict.kind === 'drift' ? 'documentation drift' : verdict.kind;
    const findings =
      verdict.kind === 'conformant'
        ? ''
        : `: ${verdict.findings.map((f) => `${f.pointer} ${f.rule} (${f.message})`).join('; ')}`;
    process.stdout.write(
      `${response.label} ${response.status} ${contracts.join('>')}: ${kind}${findings}\n`,
    );
    if (verdictFails(verdict, strictness)) failed = true;
  }
  return failed ? exitCodes.checkFailed : exitCodes.conforms;
}

process.exit(main());
