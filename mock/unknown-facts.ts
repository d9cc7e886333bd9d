/**
 * The facts about real Atlas that no recording settles, each a setting of the mock with a
 * documented default (issue 4: "choose the most plausible behaviour, make it configurable, and
 * document the choice"). `npm run mock` takes them as flags, `npm run conformance` as ATLAS_MOCK_*
 * variables (cli/embedded-mock-env.ts); the suite's verdicts must not depend on any of them.
 *
 * - envelopeStatus: the HTTP status of an enveloped answer (atlas-behaviour.md §4, §9.2).
 *   `same` (default) keeps the plain status; `200` always answers 200.
 * - notOfferedRegion: the answer to a region Atlas knows that the backing provider does not offer
 *   for this instance type (regions.json `unsupportedRegionAnswer.existingButNotOffered`, never
 *   observed). `invalid-region` (default, the advice of regions.json `mockAdvice`): 400
 *   INVALID_REGION, the only region code this endpoint is known to use; `region-unavailable`: 409
 *   REGION_UNAVAILABLE, seen on dedicated-cluster create; `invalid-attribute`: 400
 *   INVALID_ATTRIBUTE regionName, what the Atlas CLI expects of the Flex and cluster creates.
 * - nonBooleanFlag: how `envelope` and `pretty` read a value other than true or false (§4, §9.2).
 *   `ignore` (default): read as false, as a JAX-RS Boolean binding does; `reject`: 400
 *   INVALID_QUERY_PARAMETER, the other plausible answer (catalogue scenario `flag-invalid`).
 */
export const unknownFacts = {
  envelopeStatus: { flag: 'envelope-status', env: 'ATLAS_MOCK_ENVELOPE_STATUS' },
  notOfferedRegion: { flag: 'not-offered-region', env: 'ATLAS_MOCK_NOT_OFFERED_REGION' },
  nonBooleanFlag: { flag: 'non-boolean-flag', env: 'ATLAS_MOCK_NON_BOOLEAN_FLAG' },
} as const;

export const unknownFactChoices = {
  envelopeStatus: ['same', '200'],
  notOfferedRegion: ['invalid-region', 'region-unavailable', 'invalid-attribute'],
  nonBooleanFlag: ['ignore', 'reject'],
} as const;

export type UnknownFact = keyof typeof unknownFacts;
export type UnknownFactChoice<F extends UnknownFact> = (typeof unknownFactChoices)[F][number];
export type UnknownFactSettings = { [F in UnknownFact]: UnknownFactChoice<F> };

export const defaultUnknownFacts: UnknownFactSettings = {
  envelopeStatus: 'same',
  notOfferedRegion: 'invalid-region',
  nonBooleanFlag: 'ignore',
};

/** The setting a text names, or a message `<where> must be one of ...`. */
export function parseUnknownFact<F extends UnknownFact>(
  fact: F,
  text: string,
  where: string,
): { ok: true; value: UnknownFactChoice<F> } | { ok: false; problem: string } {
  const choices: readonly string[] = unknownFactChoices[fact];
  if (choices.includes(text)) return { ok: true, value: text as UnknownFactChoice<F> };
  return { ok: false, problem: `${where} must be one of ${choices.join(', ')}, not ${text}` };
}
