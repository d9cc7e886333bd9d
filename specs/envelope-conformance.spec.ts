/**
 * envelope_conformance: with envelope=true every answer, success or error, is
 * `{status, content}`, where `status` is the status of the plain answer and `content` its body.
 * Atlas documents no HTTP status for enveloped answers (atlas-behaviour.md §4): it is recorded,
 * and checked against ATLAS_CONFORMANCE_ENVELOPE_STATUS (the plain status or 200 by default).
 * Two successful creates cannot share a name, so a success is compared without the fields that
 * identify the instance. Source: endpoint.md 'Query parameters'; envelope.schema.json.
 */
import { annotateOnce, describeCheck, expectConformingBody } from '../fixtures/checks.ts';
import { allowedEnvelopeStatuses, envelopeStatusRule } from '../fixtures/envelope-rule.ts';
import { withoutIdentity } from '../fixtures/rules/instance-identity.ts';
import { checkSamples, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';

// A non-boolean envelope or pretty value is the fault in those cases: adding envelope=true
// would overwrite it, and the target may read either spelling (atlas-behaviour.md §4).
const leaveOut = ['flag-not-boolean'];

test.describe('envelope_conformance', () => {
  for (const half of sampleHalves) {
    test(`should wrap every answer in {status, content} (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('envelope_conformance');
      const rule = envelopeStatusRule();

      await checkSamples(
        { client, target, names, budget, cleanup },
        half,
        'enveloped answers wrap the plain ones',
        async (_sample, sender) => {
          const first = sender.prepare();
          const plain = (await sender.send(first)).exchange.response;
          const succeeded = plain.status < 300;
          const second = succeeded ? sender.prepare() : first;
          const wrapped = await sender.send(second, { envelope: 'true' });

          expectConformingBody('envelope_conformance', 'envelope', wrapped.exchange, 'off');
          const status = wrapped.exchange.response.status;
          annotateOnce('observed', `enveloped HTTP status ${status} for plain ${plain.status}`);
          expect(
            allowedEnvelopeStatuses(rule, plain.status),
            `envelope_conformance: the enveloped HTTP status must follow the rule '${rule}'`,
          ).toContain(status);
          const envelope = wrapped.exchange.response.json as { status: number; content: unknown };
          expect(envelope.status, 'envelope_conformance: status must be the plain status').toBe(
            plain.status,
          );
          const content = succeeded ? withoutIdentity(envelope.content) : envelope.content;
          const expected = succeeded ? withoutIdentity(plain.json) : plain.json;
          expect(content, 'envelope_conformance: content must be the plain body').toEqual(expected);
        },
        { leaveOut },
      );
    });
  }
});
