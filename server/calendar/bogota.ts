/**
 * Dates people read are Bogotá's calendar dates (docs/ARCHITECTURE.md, glossary), whatever the
 * server's zone: a date shown, typed on a command line or sent to the API is a day in
 * America/Bogota, written yyyy-MM-dd.
 */
const bogota = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });

// Bogotá's day changes on the hour (its offsets have been whole hours since 1914), so the
// answer for one hour is the answer for all of it: Intl's formatting, once per hour seen.
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const daysByHour = new Map<number, string>();

/** The Bogotá calendar date of an instant, yyyy-MM-dd. */
export function bogotaDay(date: Date): string {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  let day = daysByHour.get(hour);
  if (day === undefined) {
    day = bogota.format(date);
    if (daysByHour.size >= 50_000) daysByHour.clear();
    daysByHour.set(hour, day);
  }
  return day;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** yyyy-MM-dd naming a day that exists (Date.parse would roll 2027-02-30 over to March). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// Colombia has kept UTC−5 all year since 1993; the zone's rules are asked anyway, so a date
// before that (or a future change) is still right.
function offsetMs(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Bogota', timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) * 60_000;
}

/** The first instant of a Bogotá day. */
export function startOfBogotaDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - offsetMs(utcMidnight));
}

/**
 * The last second of a Bogotá day: what a date means as an expiry ("until 2027-12-31"). A whole
 * second, since MySQL's DATETIME keeps no fraction (it would round 23:59:59.999 up to the next day).
 */
export function endOfBogotaDay(day: string): Date {
  return new Date(startOfBogotaDay(addDays(day, 1)).getTime() - 1000);
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const bogotaClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a person in Bogotá reads it: `yyyy-MM-dd HH:mm:ss` (command lines' listings). */
export function bogotaDateTime(date: Date): string {
  const part = Object.fromEntries(bogotaClock.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
