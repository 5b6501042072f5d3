import { describe, expect, it } from 'vitest';
import { endOfBogotaDay, isDay, startOfBogotaDay } from '../../server/calendar/bogota.js';
import { addBusinessDays, businessDayBack, businessDaysBetween, dueCutoffs, dueState, expectedWindow, holidays, isBusinessDay } from '../../server/calendar/business-days.js';

describe('Colombian business days', () => {
  it('skips weekends', () => {
    expect(isBusinessDay('2026-10-16')).toBe(true); // Friday
    expect(isBusinessDay('2026-10-17')).toBe(false); // Saturday
    expect(isBusinessDay('2026-10-18')).toBe(false); // Sunday
    expect(addBusinessDays('2026-10-16', 1)).toBe('2026-10-19');
    expect(businessDaysBetween('2026-10-16', '2026-10-19')).toBe(1);
  });

  it('keeps fixed holidays where they fall: Inmaculada Concepción, Tuesday 2026-12-08', () => {
    expect(isBusinessDay('2026-12-08')).toBe(false);
    expect(addBusinessDays('2026-12-07', 1)).toBe('2026-12-09');
  });

  it('moves Emiliani holidays to the Monday after (Ley 51 de 1983): Reyes 2027, Wednesday the 6th, rests on Monday the 11th', () => {
    expect(isBusinessDay('2027-01-06')).toBe(true);
    expect(isBusinessDay('2027-01-11')).toBe(false);
    // Reyes on a Monday (2025-01-06) stays on it.
    expect(isBusinessDay('2025-01-06')).toBe(false);
  });

  it('knows Semana Santa 2027: Jueves and Viernes Santo, 25 and 26 March', () => {
    expect(isBusinessDay('2027-03-24')).toBe(true);
    expect(isBusinessDay('2027-03-25')).toBe(false);
    expect(isBusinessDay('2027-03-26')).toBe(false);
    // San José (19 March, a Friday) moved to Monday the 22nd.
    expect(isBusinessDay('2027-03-19')).toBe(true);
    expect(isBusinessDay('2027-03-22')).toBe(false);
    // Filed the Friday before Semana Santa: the 22nd, 25th and 26th and the weekends do not count.
    expect(addBusinessDays('2027-03-19', 5)).toBe('2027-03-31');
  });

  it('counts only public holidays, not observances (Domingo de Ramos)', () => {
    expect(holidays(2027).has('2027-03-21')).toBe(false);
    expect(holidays(2027).size).toBeGreaterThanOrEqual(18);
  });

  it("gives the manual's window: ready 5 to 8 business days after filing, across year end", () => {
    // Filed Monday 2026-12-21: 25 Dec, 1 Jan, and Reyes on 11 Jan 2027 fall inside.
    expect(expectedWindow('2026-12-21')).toEqual({ from: '2026-12-29', by: '2027-01-04' });
    expect(expectedWindow('2026-12-07')).toEqual({ from: '2026-12-15', by: '2026-12-18' });
  });

  it('gives every filing day the window the business days make, the same the second time it is asked (it is kept per day)', () => {
    for (let day = '2025-12-01'; day < '2028-01-31'; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      const expected = { from: addBusinessDays(day, 5), by: addBusinessDays(day, 8) };
      expect(expectedWindow(day), day).toEqual(expected);
      expect(expectedWindow(day), day).toEqual(expected);
      expect(Object.isFrozen(expectedWindow(day))).toBe(true);
    }
  });

  it('marks ages: on time below 5, due from 5 to 8, overdue past 8', () => {
    expect(dueState(0)).toBe('ON_TIME');
    expect(dueState(4)).toBe('ON_TIME');
    expect(dueState(5)).toBe('DUE');
    expect(dueState(8)).toBe('DUE');
    expect(dueState(9)).toBe('OVERDUE');
  });

  it('turns "k business days old" into a filing-date bound that agrees with the count', () => {
    const today = '2027-01-12';
    for (let k = 1; k <= 12; k++) {
      const bound = businessDayBack(today, k);
      expect(businessDaysBetween(addBack(bound, 1), today)).toBeGreaterThanOrEqual(k);
      expect(businessDaysBetween(bound, today)).toBeLessThan(k);
    }
    const { dueBefore, overdueBefore } = dueCutoffs(new Date('2027-01-12T15:00:00Z'));
    expect(dueBefore.toISOString()).toBe('2027-01-05T05:00:00.000Z'); // 5th business day back: Tue 5 Jan
    expect(overdueBefore.toISOString()).toBe('2026-12-29T05:00:00.000Z'); // 9th: Tue 29 Dec (1 Jan and Reyes skipped)
  });
});

function addBack(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe('Bogotá days', () => {
  it('starts and ends a day in America/Bogota (UTC−5)', () => {
    expect(startOfBogotaDay('2027-12-31').toISOString()).toBe('2027-12-31T05:00:00.000Z');
    expect(endOfBogotaDay('2027-12-31').toISOString()).toBe('2028-01-01T04:59:59.000Z');
  });

  it('refuses days that do not exist', () => {
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-12-31T00')).toBe(false);
  });
});
