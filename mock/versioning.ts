/**
 * Version negotiation (atlas-behaviour.md §3): the Accept header must name a published version
 * of the resource, exactly. The serverless resource only ever had 2023-01-01. Whether Atlas
 * maps a later date down to it is unknown; the mock answers 406, and the suite does not assert
 * on in-between dates.
 */
export const serverlessVersion = '2023-01-01';
export const serverlessMediaType = `application/vnd.atlas.${serverlessVersion}+json`;
/** The Flex cluster resource's only version (atlas-behaviour.md §3: the flex recordings). */
export const flexVersion = '2024-11-13';
export const flexMediaType = `application/vnd.atlas.${flexVersion}+json`;

const versionedType = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/i;

/** The media types of the published versions, built once rather than on every request. */
const exactTypes = new Map<string, string>();
function exactTypeOf(version: string): string {
  let type = exactTypes.get(version);
  if (type === undefined) {
    type = `application/vnd.atlas.${version}+json`;
    exactTypes.set(version, type);
  }
  return type;
}

/** The version the Accept header asks for among the published ones, if any. */
export function negotiateVersion(
  accept: string | undefined,
  published: readonly string[],
): string | undefined {
  // Most clients send exactly one versioned type: an exact match needs no splitting.
  for (const version of published) {
    if (accept === exactTypeOf(version)) return version;
  }
  for (const part of (accept ?? '').split(',')) {
    const mediaType = part.split(';')[0]?.trim() ?? '';
    const date = versionedType.exec(mediaType)?.[1];
    if (date !== undefined && published.includes(date)) return date;
  }
  return undefined;
}

/** Request bodies may be plain JSON or any versioned Atlas JSON (MIG). */
export function isJsonRequestType(contentType: string | undefined): boolean {
  if (contentType === 'application/json') return true;
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || versionedType.test(mediaType);
}
