/**
 * pretty_conformance: with pretty=true every answer, success or error, is the same JSON,
 * indented; without it the body is compact. Two successful creates cannot share a name, so a
 * success is compared without the fields that identify the instance.
 * Source: endpoint.md 'Query parameters' (pretty, default false); atlas-behaviour.md §4.
 */
import { describeCheck } from '../fixtures/checks.ts';
import { withoutIdentity } from '../fixtures/rules/instance-identity.ts';
import { checkSamples, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';

// A non-boolean pretty value is the fault in those cases: pretty=true would overwrite it.
const leaveOut = ['flag-not-boolean'];

test.describe('pretty_conformance', () => {
  for (const half of sampleHalves) {
    test(`should indent the same JSON when pretty=true (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('pretty_conformance');

      await checkSamples(
        { client, target, names, budget, cleanup },
        half,
        'pretty answers are the plain ones indented',
        async (_sample, sender) => {
          const first = sender.prepare();
          const plain = (await sender.send(first)).exchange.response;
          const succeeded = plain.status < 300;
          const second = succeeded ? sender.prepare() : first;
          const pretty = (await sender.send(second, { pretty: 'true' })).exchange.response;

          expect(pretty.json, 'pretty_conformance: pretty=true must answer JSON').not.toBe(
            undefined,
          );
          expect(pretty.status, 'pretty_conformance: pretty must not change the status').toBe(
            plain.status,
          );
          const same = succeeded ? withoutIdentity(pretty.json) : pretty.json;
          const expected = succeeded ? withoutIdentity(plain.json) : plain.json;
          expect(same, 'pretty_conformance: pretty=true must answer the same JSON').toEqual(
            expected,
          );
          expect(pretty.text, 'pretty_conformance: pretty=true must indent the body').toMatch(
            /\n[ \t]+"/,
          );
          expect(
            plain.text,
            'pretty_conformance: without pretty the body must be compact',
          ).not.toMatch(/\n/);
        },
        { leaveOut },
      );
    });
  }
});
