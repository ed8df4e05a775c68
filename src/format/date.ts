import { z } from './zod.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

// Days in each month of a common year.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-30 is false, not 1 March). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

/** True for a calendar date, or an ISO 8601 date-time with `Z` or a `+hh:mm` offset. */
export function isDateOrDateTime(value: string): boolean {
  if (isCalendarDate(value)) return true;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, date, hours, minutes, seconds, , offsetHours, offsetMinutes] = match;
  return (
    isCalendarDate(date ?? '') &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    Number(seconds ?? 0) <= 59 &&
    Number(offsetHours ?? 0) <= 23 &&
    Number(offsetMinutes ?? 0) <= 59
  );
}

/** True for a value read from YAML that is a valid date or date-time (see isDateOrDateTime). */
export const validDate = (value: unknown): value is string => typeof value === 'string' && isDateOrDateTime(value);

/** The instant a date or date-time stands for, in milliseconds; a plain date counts as its UTC midnight. */
export function dateValue(value: string): number {
  return Date.parse(isCalendarDate(value) ? `${value}T00:00:00Z` : value);
}

/** The calendar day a date or date-time falls on in its own time zone, `YYYY-MM-DD`. */
export function calendarDay(value: string): string {
  return value.slice(0, 10);
}

/**
 * Orders two valid dates or date-times for every date rule: negative when `a` comes before `b`,
 * positive after, 0 when neither can be said to. Compared by calendar day, each in its own time
 * zone, since a plain date names a whole day (`2025-05-20` is not before
 * `2025-05-20T09:30:00+03:00`); on the same day, two date-times are compared by instant.
 */
export function compareDates(a: string, b: string): number {
  const dayA = calendarDay(a);
  const dayB = calendarDay(b);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  if (isCalendarDate(a) || isCalendarDate(b)) return 0;
  return Math.sign(dateValue(a) - dateValue(b));
}

/** The calendar day after `day` (`YYYY-MM-DD`). */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A date an editor writes: `YYYY-MM-DD`, or an ISO date-time with an offset. Stays a string. */
export const dateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD, for example 2025-05-11' })
  .refine(isDateOrDateTime, {
    params: { rule: 'invalid-date' },
    error: (issue) => describeBadDate(String(issue.input)),
  });

/** Why a string an editor wrote is not a date, and how to write it. */
export function describeBadDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value) && isCalendarDate(value.slice(0, 10))) {
    return `is "${value}", a date-time with no time zone; add an offset (2025-05-11T09:30:00+03:00, or Z for UTC) or write the date alone (2025-05-11)`;
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (loose && isCalendarDate(`${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`)) {
    return `is "${value}"; write the month and the day with two digits, YYYY-MM-DD (for example 2025-05-06)`;
  }
  return `is "${value}", which is not a real date; write YYYY-MM-DD (for example 2025-05-11) or a date-time with an offset (2025-05-11T09:30:00+03:00)`;
}
