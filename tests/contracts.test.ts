/**
 * The contracts tell a real deviation from documentation drift: every real body recorded in
 * atlas-behaviour.md is conformant or drift, and a body that breaks a required rule deviates.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { contractNames, readContract, type ContractName } from '../contracts/schemas.ts';
import { judgeBody } from '../contracts/verdict.ts';
import { created } from './real-answers.ts';

type Node = Record<string, unknown>;

/** The node a `$ref` names, in its own file or in another contract. */
function refTarget(ref: string, file: Node): Node | undefined {
  const [other, fragment = ''] = ref.split('#');
  let here: unknown = other
    ? readContract(other.replace('.schema.json', '') as ContractName)
    : file;
  for (const part of fragment.split('/').filter((p) => p !== '')) here = (here as Node)?.[part];
  return here as Node | undefined;
}

/** Fields without a source note of their own, of their `$ref`, or of an enclosing field. */
function unsourced(name: ContractName): string[] {
  const file = readContract(name) as Node;
  const out: string[] = [];
  const walk = (node: Node, path: string, inherited: boolean) => {
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
      const target = typeof child.$ref === 'string' ? refTarget(child.$ref, file) : undefined;
      const sourced = 'x-source' in child || (target !== undefined && 'x-source' in target);
      if (!sourced && !inherited) out.push(`${name} ${path}/${key}`);
      walk(child, `${path}/${key}`, sourced || inherited);
      if (typeof child.items === 'object') walk(child.items as Node, `${path}/${key}/*`, true);
    }
  };
  walk(file, '', false);
  for (const [key, definition] of Object.entries(
    (file.definitions ?? {}) as Record<string, Node>,
  )) {
    if (!('x-source' in definition)) out.push(`${name} definition ${key}`);
    walk(definition, `#${key}`, 'x-source' in definition);
  }
  return out;
}

describe('contracts', () => {
  it('should give every field and definition a source note (x-source)', () => {
    assert.deepEqual(contractNames.flatMap(unsourced), []);
  });

  it('should judge the recorded Flex-era 201 body as drift, not a deviation', () => {
    assert.equal(judgeBody('instance', created).kind, 'drift');
  });

  it('should judge the 2025 body with empty connection strings as drift', () => {
    assert.equal(judgeBody('instance', { ...created, connectionStrings: {} }).kind, 'drift');
  });

  it('should judge a body without providerSettings as a deviation', () => {
    const { providerSettings: _dropped, ...broken } = created;
    assert.equal(judgeBody('instance', broken).kind, 'deviation');
  });

  it('should judge the 401 challenge body without errorCode as drift', () => {
    const body = { error: 401, reason: 'Unauthorized', detail: 'You are not authorized.' };
    assert.equal(judgeBody('error', body).kind, 'drift');
  });

  it('should judge a recorded 404 with string parameters as drift', () => {
    const body = {
      detail: 'No group with ID 111111111111111111111111 exists.',
      error: 404,
      errorCode: 'GROUP_NOT_FOUND',
      parameters: ['111111111111111111111111'],
      reason: 'Not Found',
    };
    assert.equal(judgeBody('error', body).kind, 'drift');
  });

  it('should judge an error body without error as a deviation', () => {
    assert.equal(judgeBody('error', { errorCode: 'X', detail: 'x' }).kind, 'deviation');
  });
});
