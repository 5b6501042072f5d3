import Holidays from 'date-holidays';
import { addDays, bogotaDay, startOfBogotaDay } from './bogota.js';

/**
 * Colombian business days: Monday to Friday, except the national public holidays — those of
 * Ley 51 de 1983 ("Ley Emiliani"), most of them moved to the following Monday, Semana Santa,
 * and later laws (Ley 2578 de 2026, Virgen de Chiquinquirá) — as date-holidays keeps them for CO.
 * Days are Bogotá calendar dates, yyyy-MM-dd; everything is computed in memory.
 */

let calendar: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** The year's public holidays (not observances such as Domingo de Ramos), computed once per year. */
export function holidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    calendar ??= new Holidays('CO');
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays(Number(day.slice(0, 4))).has(day);
}

/** The `n`-th business day after `day` (n ≥ 0; 0 is `day` itself). */
export function addBusinessDays(day: string, n: number): string {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) counted++;
  }
  return current;
}

/** Business days after `from` up to and including `to`: 0 on the day itself; filed on a Friday, 1 on Monday. */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (isBusinessDay(current)) count++;
  return count;
}

/**
 * The `k`-th business day counting back from `today` (today first, if it is one): whatever was
 * filed on an earlier day has been waiting at least `k` business days, and whatever was filed on
 * it or later, fewer. Lets a query ask "waiting k days or more" as a range of filing instants.
 */
export function businessDayBack(today: string, k: number): string {
  let current = today;
  let counted = isBusinessDay(current) ? 1 : 0;
  while (counted < k) {
    current = addDays(current, -1);
    if (isBusinessDay(current)) counted++;
  }
  return current;
}

/** The manual's promise: a request is ready between 5 and 8 business days after it was filed. */
export const EXPECTED_BUSINESS_DAYS = { from: 5, by: 8 } as const;

export type DueState = 'ON_TIME' | 'DUE' | 'OVERDUE';

export function dueState(ageBusinessDays: number): DueState {
  if (ageBusinessDays > EXPECTED_BUSINESS_DAYS.by) return 'OVERDUE';
  if (ageBusinessDays >= EXPECTED_BUSINESS_DAYS.from) return 'DUE';
  return 'ON_TIME';
}

// A filing day's window never changes (the holidays are fixed per year): computed once per day
// seen. Walking up to a dozen days costs some forty Date objects, which was about a tenth of a
// detail's CPU (BENCHMARKS.md); a few thousand distinct days cover years of requests.
const windows = new Map<string, Readonly<{ from: string; by: string }>>();

/** What the applicant reads: the days the request should be ready between. */
export function expectedWindow(filedOn: string): Readonly<{ from: string; by: string }> {
  let window = windows.get(filedOn);
  if (!window) {
    window = Object.freeze({ from: addBusinessDays(filedOn, EXPECTED_BUSINESS_DAYS.from), by: addBusinessDays(filedOn, EXPECTED_BUSINESS_DAYS.by) });
    if (windows.size >= 20_000) windows.clear();
    windows.set(filedOn, window);
  }
  return window;
}

/**
 * The instants that split requests waiting since before them by due state, as of `now`: filed
 * before `dueBefore`, at least 5 business days old; before `overdueBefore`, more than 8.
 */
export function dueCutoffs(now: Date): { dueBefore: Date; overdueBefore: Date } {
  const today = bogotaDay(now);
  return {
    dueBefore: startOfBogotaDay(businessDayBack(today, EXPECTED_BUSINESS_DAYS.from)),
    overdueBefore: startOfBogotaDay(businessDayBack(today, EXPECTED_BUSINESS_DAYS.by + 1)),
  };
}
