/**
 * The endpoint's history as data: which era an instant belongs to, and where the boundary
 * between two eras is uncertain (the evidence brackets a change between two dates).
 */
import { readFileSync } from 'node:fs';

export type EraId = 'serverless' | 'flex' | 'deprecated' | 'gone';
export type ChangeId = 'flex-backed' | 'deprecation-headers' | 'gone';

export interface Change {
  id: ChangeId;
  what: string;
  earliest: string;
  certain: string;
  evidence: string;
  source: string;
  headers?: { Deprecation: string; Sunset: string };
}

interface TimelineFile {
  changes: Change[];
  eras: { id: EraId; from?: ChangeId; until?: ChangeId; description: string }[];
}

const timeline = JSON.parse(
  readFileSync(new URL('./timeline.json', import.meta.url), 'utf8'),
) as TimelineFile;

export function change(id: ChangeId): Change {
  const found = timeline.changes.find((c) => c.id === id);
  if (found === undefined) throw new Error(`change ${id} must be in timeline.json`);
  return found;
}

/** Whether a change has happened at an instant: yes, no, or maybe (inside its bracket). */
export function changeState(id: ChangeId, at: Date): 'before' | 'uncertain' | 'after' {
  const c = change(id);
  if (at.getTime() < Date.parse(c.earliest)) return 'before';
  if (at.getTime() >= Date.parse(c.certain)) return 'after';
  return 'uncertain';
}

export interface EraReading {
  /** The era, reading every uncertain change as already happened. */
  era: EraId;
  /** Changes whose bracket holds the instant: checks that depend on them must accept both. */
  uncertain: ChangeId[];
  description: string;
}

/** The era of an instant (for a target, the instant its `Date` header reports). */
export function eraAt(at: Date): EraReading {
  const happened = (id: ChangeId) => changeState(id, at) !== 'before';
  const uncertain = timeline.changes.filter((c) => changeState(c.id, at) === 'uncertain');
  let era: EraId = 'serverless';
  if (happened('flex-backed')) era = 'flex';
  if (happened('deprecation-headers')) era = 'deprecated';
  if (happened('gone')) era = 'gone';
  const description = timeline.eras.find((e) => e.id === era)?.description ?? era;
  return { era, uncertain: uncertain.map((c) => c.id), description };
}

/** The instant the embedded mock switches at: the certain date of a change, or its earliest. */
export function switchInstant(id: ChangeId, rule: 'earliest' | 'certain'): Date {
  return new Date(change(id)[rule]);
}
