/**
 * The rules the suite's checks apply, tested on their own: each must accept what Atlas sends
 * and refuse what breaks it, or a check built on it would pass or fail for the wrong reason.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eraAt } from '../contracts/timeline.ts';
import { allowedEnvelopeStatuses, envelopeStatusRule } from '../fixtures/envelope-rule.ts';
import { deprecationProblems, deprecationRule } from '../fixtures/rules/deprecation-headers.ts';
import { errorIdentityProblems } from '../fixtures/rules/error-identity.ts';
import { parseHttpDate } from '../fixtures/rules/http-date.ts';
import { withoutIdentity } from '../fixtures/rules/instance-identity.ts';
import { contentTypeProblems } from '../fixtures/rules/operation-answers.ts';
import { rateLimitHeaderProblems } from '../fixtures/rules/rate-limit-headers.ts';
import { UniqueNames } from '../fixtures/unique-names.ts';
import { namePattern } from '../fixtures/arbitraries/valid-name-tail.ts';

const atlasHeaders = {
  deprecation: 'Wed, 10 Dec 2025 00:00:00 GMT',
  sunset: 'Thu, 15 Jan 2026 00:00:00 GMT',
};

describe('HTTP dates', () => {
  it("should read Atlas's unpadded day and the padded IMF-fixdate", () => {
    assert.equal(
      parseHttpDate('Mon, 5 Aug 2024 00:00:00 GMT')?.toISOString(),
      '2024-08-05T00:00:00.000Z',
    );
    assert.equal(
      parseHttpDate('Mon, 15 Dec 2025 00:00:00 GMT')?.toISOString(),
      '2025-12-15T00:00:00.000Z',
    );
  });

  it('should refuse a wrong weekday, an impossible date, ISO text and other zones', () => {
    for (const text of [
      'Tue, 15 Dec 2025 00:00:00 GMT',
      'Sat, 31 Feb 2026 00:00:00 GMT',
      '2026-01-15T00:00:00Z',
      'Thu, 15 Jan 2026 00:00:00 UTC',
      'Thu, 15 Jan 2026 25:00:00 GMT',
    ]) {
      assert.equal(parseHttpDate(text), undefined, text);
    }
  });
});

describe('the deprecation headers by era', () => {
  it('should demand them in the deprecated era and accept what Atlas sent', () => {
    const rule = deprecationRule(eraAt(new Date('2025-12-15T00:00:00Z')));
    assert.equal(rule.presence, 'present');
    assert.deepEqual(deprecationProblems(atlasHeaders, rule, new Date('2025-12-15')), []);
    assert.equal(deprecationProblems({}, rule, new Date('2025-12-15')).length, 1);
  });

  it('should refuse them before December 2025 and accept either inside the bracket', () => {
    const flex = deprecationRule(eraAt(new Date('2025-06-01T00:00:00Z')));
    assert.equal(flex.presence, 'absent');
    assert.equal(deprecationProblems(atlasHeaders, flex, undefined).length, 1);
    assert.equal(deprecationRule(eraAt(new Date('2025-12-03T00:00:00Z'))).presence, 'either');
  });

  it('should refuse a malformed date, a lone header and a sunset before the deprecation', () => {
    const rule = { presence: 'either' as const, why: 'test' };
    const at = new Date('2025-12-15');
    assert.equal(
      deprecationProblems({ ...atlasHeaders, sunset: '2026-01-15' }, rule, at).length,
      1,
    );
    assert.equal(deprecationProblems({ sunset: atlasHeaders.sunset }, rule, at).length, 1);
    const reversed = { deprecation: atlasHeaders.sunset, sunset: atlasHeaders.deprecation };
    assert.equal(deprecationProblems(reversed, rule, at).length, 1);
  });

  it('should refuse a sunset already past while the version still answers', () => {
    const rule = deprecationRule(eraAt(new Date('2025-12-15T00:00:00Z')));
    const problems = deprecationProblems(atlasHeaders, rule, new Date('2026-01-16T00:00:00Z'));
    assert.equal(problems.length, 1);
  });
});

describe('the rate-limit headers', () => {
  it('should accept whole numbers and refuse anything else', () => {
    const good = { 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'retry-after': '55' };
    assert.deepEqual(rateLimitHeaderProblems(good), []);
    assert.equal(rateLimitHeaderProblems({ 'retry-after': 'soon' }).length, 1);
    assert.equal(rateLimitHeaderProblems({ 'ratelimit-limit': '-1' }).length, 1);
    const over = { 'ratelimit-limit': '5', 'ratelimit-remaining': '6' };
    assert.equal(rateLimitHeaderProblems(over).length, 1);
  });
});

describe('the media types', () => {
  it('should accept the versioned success type and plain JSON errors', () => {
    const versioned = 'application/vnd.atlas.2023-01-01+json;charset=utf-8';
    assert.deepEqual(contentTypeProblems(201, versioned, '{}', {}), []);
    assert.deepEqual(contentTypeProblems(400, 'application/json', '{}', {}), []);
  });

  it('should refuse an unversioned success, a versioned error and a body that is not JSON', () => {
    assert.equal(contentTypeProblems(201, 'application/json', '{}', {}).length, 1);
    const versioned = 'application/vnd.atlas.2023-01-01+json';
    assert.equal(contentTypeProblems(400, versioned, '{}', {}).length, 1);
    assert.equal(contentTypeProblems(502, 'application/json', '<html>', undefined).length, 1);
    assert.equal(contentTypeProblems(400, undefined, '{}', {}).length, 1);
  });
});

describe('the error body against its status', () => {
  it("should accept the status and reason phrases of Atlas's recorded bodies", () => {
    const recorded: [number, string][] = [
      [400, 'Bad Request'],
      [401, 'Unauthorized'],
      [404, 'Not Found'],
      [406, 'Not Acceptable'],
      [410, 'Gone'],
      [429, 'Too Many Requests'],
      [402, 'Payment Required'],
    ];
    for (const [status, reason] of recorded) {
      assert.deepEqual(errorIdentityProblems(status, { error: status, reason }), [], reason);
    }
    assert.deepEqual(errorIdentityProblems(413, { error: 413, reason: 'Content Too Large' }), []);
  });

  it('should refuse another number, a number as text and the reason of another status', () => {
    assert.equal(errorIdentityProblems(404, { error: 400, reason: 'Not Found' }).length, 1);
    assert.equal(errorIdentityProblems(404, { error: '404', reason: 'Not Found' }).length, 1);
    assert.equal(errorIdentityProblems(404, { error: 404, reason: 'Bad Request' }).length, 1);
    assert.equal(errorIdentityProblems(401, { error: 401, reason: 'unauthorized' }).length, 1);
    assert.equal(errorIdentityProblems(406, { error: 400, reason: 'Bad Request' }).length, 2);
  });
});

describe('comparing twin instances', () => {
  it('should set aside what identifies an instance and keep everything else', () => {
    const a = {
      id: '1',
      name: 'a',
      stateName: 'CREATING',
      providerSettings: { regionName: 'X', nextBackupDate: 'd1' },
    };
    const b = {
      id: '2',
      name: 'b',
      stateName: 'CREATING',
      providerSettings: { regionName: 'X', nextBackupDate: 'd2' },
    };
    assert.deepEqual(withoutIdentity(a), withoutIdentity(b));
    assert.notDeepEqual(withoutIdentity(a), withoutIdentity({ ...b, stateName: 'IDLE' }));
  });
});

describe('the envelope status rule', () => {
  it('should default to either and refuse an unknown setting', () => {
    assert.equal(envelopeStatusRule({}), 'either');
    assert.deepEqual(allowedEnvelopeStatuses('either', 400), [400, 200]);
    assert.deepEqual(allowedEnvelopeStatuses('same', 400), [400]);
    assert.throws(() => envelopeStatusRule({ ATLAS_CONFORMANCE_ENVELOPE_STATUS: 'always' }));
  });
});

describe('run-unique names', () => {
  it('should keep two workers of one run apart and stay valid within 23 characters', () => {
    const first = new UniqueNames('ab12', 0);
    const second = new UniqueNames('ab12', 1);
    const a = first.next('x'.repeat(12));
    const b = second.next('x'.repeat(12));
    assert.notEqual(a, b);
    assert.ok(a.length <= 23, a);
    assert.match(a, namePattern);
  });
});
