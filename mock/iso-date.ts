/**
 * The one reading of a date for the mock's clock, shared by `--clock`, ATLAS_MOCK_CLOCK and
 * `POST /__mock/clock`: an ISO 8601 date (`2025-06-01`) or date-time (`2025-06-01T12:00:00Z`,
 * with optional seconds, fraction and `Z` or `±hh:mm`), naming a day and time that exist.
 *
 * `new Date` alone is not enough: it rolls a day that does not exist over into the next month
 * (`2025-02-30` is 2 March, `T24:00` the next day), in ISO form and in its free-text forms alike,
 * so the clock would start in a month nobody asked for. The written fields must therefore
 * round-trip, and only the ISO form is read, since that is the form whose fields can be checked.
 */
import type { Parsed } from './cli-options.ts';

const isoDate = new RegExp(
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})` +
    String.raw`(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$`,
  'i',
);

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why the written fields name no real day or time, or undefined when they all exist. */
function missingField(fields: string[]): string | undefined {
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = fields.map(Number);
  if (month === undefined || month < 1 || month > 12) return `there is no month ${month}`;
  // Day 0 of the next month is the last of this one; setUTCFullYear keeps years below 100.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year ?? 0, month, 0);
  const daysInMonth = lastDay.getUTCDate();
  if (day === undefined || day < 1 || day > daysInMonth) {
    return `${months[month - 1]} ${year} has ${daysInMonth} days`;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return 'hours run from 00 to 23, minutes and seconds from 00 to 59';
  }
  return undefined;
}

/**
 * The instant an ISO date names, or the problem `<where> must be an ISO date such as
 * 2025-06-01, not <text>`, with the reason when the day or time does not exist.
 */
export function parseIsoDate(text: string, where: string): Parsed<Date> {
  const problem = `${where} must be an ISO date such as 2025-06-01, not ${text}`;
  const match = isoDate.exec(text);
  if (match === null) return { ok: false, problem };
  const missing = missingField(match.slice(1).filter((field) => field !== undefined));
  if (missing !== undefined) return { ok: false, problem: `${problem} (${missing})` };
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return { ok: false, problem };
  return { ok: true, value: instant };
}
