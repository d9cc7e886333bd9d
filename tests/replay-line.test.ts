/**
 * What a replay line takes from the environment (fixtures/replay-line.ts): against the embedded
 * mock, the ATLAS_MOCK_* settings that shaped it and nothing else; against a live target, no
 * setting at all. tests/suite-replay.test.ts runs a line end to end; these are the edges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { embeddedMockOptionsFromEnv, embeddedMockVariables } from '../cli/embedded-mock-env.ts';
import { embeddedMockSettingsVariable, replayCommand } from '../fixtures/replay-line.ts';

const id = 'a.spec.ts › a_check › should hold › its property';
const oldShape =
  `ATLAS_CONFORMANCE_SEED=-7 ATLAS_CONFORMANCE_PATH=3:0:1 ATLAS_CONFORMANCE_PROPERTY='${id}' ` +
  `npm run conformance -- --grep 'a\\.spec\\.ts a_check should hold$'`;
const line = (env: NodeJS.ProcessEnv) =>
  replayCommand(id, -7, '3:0:1', 'a\\.spec\\.ts a_check should hold$', env);

describe('the settings a replay line carries', () => {
  it('should know every variable the embedded mock reads', () => {
    // A setting read anywhere but through embeddedMockSettings would be left out of the lines.
    const read = new Set<string>();
    const env = new Proxy({} as NodeJS.ProcessEnv, {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    embeddedMockOptionsFromEnv(env);
    assert.deepEqual([...read].sort(), [...embeddedMockVariables].sort());
  });

  it('should put the embedded mock’s settings first, each quoted, the unset ones left out', () => {
    const env = {
      ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
      [embeddedMockSettingsVariable]:
        'ATLAS_MOCK_CLOCK,ATLAS_MOCK_FAULTS,ATLAS_MOCK_ENVELOPE_STATUS',
      ATLAS_MOCK_CLOCK: "2025-06-01 it's",
      ATLAS_MOCK_FAULTS: 'validation-off,validation-status-422',
      ATLAS_MOCK_ENVELOPE_STATUS: '',
    };
    assert.equal(
      line(env),
      `ATLAS_MOCK_CLOCK='2025-06-01 it'\\''s' ATLAS_MOCK_FAULTS='validation-off,` +
        `validation-status-422' ${oldShape}`,
    );
  });

  it('should copy no other variable, whatever the runner’s list names', () => {
    const env = {
      ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
      [embeddedMockSettingsVariable]:
        'MONGODB_ATLAS_PRIVATE_KEY,MONGODB_ATLAS_CLIENT_SECRET,ATLAS_CONFORMANCE_SHARED_TOKEN,HOME',
      MONGODB_ATLAS_PRIVATE_KEY: 'private-key-value',
      MONGODB_ATLAS_CLIENT_SECRET: 'client-secret-value',
      ATLAS_CONFORMANCE_SHARED_TOKEN: 'token-value',
      HOME: '/home/someone',
      ATLAS_MOCK_FAULTS: 'validation-off',
    };
    assert.equal(line(env), oldShape);
  });

  it('should leave a live target’s line as it was', () => {
    // A live run has no embedded mock, whatever ATLAS_MOCK_* the shell still holds.
    const env = {
      [embeddedMockSettingsVariable]: 'ATLAS_MOCK_FAULTS',
      ATLAS_MOCK_FAULTS: 'validation-off',
    };
    assert.equal(line(env), oldShape);
    assert.equal(line({}), oldShape);
  });
});
