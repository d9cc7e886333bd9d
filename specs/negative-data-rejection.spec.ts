/**
 * negative_data_rejection: every invalid create is refused with the status and errorCode the
 * error catalogue gives its scenario: exactly where the evidence is confirmed, within the
 * acceptable set where it is not. The observed answer is recorded either way. One property per
 * kind of violation, so a failure names the rule that let a bad request through.
 * A scenario the catalogue marks `ignoredIsAcceptable` (a non-boolean flag) may also be
 * answered as if the input were absent: that is recorded, not failed. Such an answer creates an
 * instance, so against a live target those kinds are skipped, with the reason on the test.
 * Source: endpoint.md (body and parameter rules); contracts/error-catalogue.json.
 */
import { scenario } from '../contracts/catalogue.ts';
import { annotateOnce, describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import {
  groupsATargetMayAccept,
  type InvalidRequestGroup,
} from '../fixtures/arbitraries/invalid-request.ts';
import { checkProperty } from '../fixtures/property.ts';
import { invalidGroups, sendSample, type RequestSample } from '../fixtures/request-samples.ts';
import { liveMayAcceptLeftOut } from '../fixtures/sample-property.ts';
import { skipPastSunset } from '../fixtures/skips.ts';
import { test } from '../fixtures/test.ts';

for (const [group, arbitrary] of Object.entries(invalidGroups())) {
  test.describe('negative_data_rejection', () => {
    test(`should refuse every request of the kind ${group}`, async ({
      client,
      target,
      era,
      names,
      cleanup,
    }) => {
      await describeCheck('negative_data_rejection', 'critical');
      skipPastSunset(era);
      test.skip(
        !target.embedded && groupsATargetMayAccept.includes(group as InvalidRequestGroup),
        liveMayAcceptLeftOut,
      );
      const context = {
        client,
        projectId: target.projectId,
        names,
        track: (groupId: string, name: string) => cleanup.track(groupId, name),
      };

      await checkProperty(
        `${group} requests are refused`,
        client,
        target.config,
        arbitrary.map((invalid): RequestSample => ({ kind: 'invalid', invalid })),
        async (sample) => {
          if (sample.kind !== 'invalid') return;
          const { exchange } = await sendSample(context, sample);
          const entry = scenario(sample.invalid.scenario);
          if (entry.ignoredIsAcceptable === true && exchange.response.status < 300) {
            annotateOnce('observed', `${sample.invalid.scenario}: ignored, answered as if absent`);
            return;
          }
          expectErrorAnswer(
            `negative_data_rejection (${sample.invalid.breaks})`,
            sample.invalid.scenario,
            exchange,
            target.config.strictness,
          );
        },
      );
    });
  });
}
