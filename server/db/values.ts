/**
 * Raw queries return datetimes as Date objects from mysql2 (timezone 'Z') and as
 * 'YYYY-MM-DD HH:MM:SS[.SSS]' UTC text from SQLite; both become a Date here.
 */
export function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const iso = value.includes('T') ? value : `${value.replace(' ', 'T')}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** How TypeORM writes a datetime column on both drivers: UTC, `YYYY-MM-DD HH:MM:SS.mmm`; what a raw query compares them with. */
export function utcDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}
