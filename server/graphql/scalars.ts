import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Dates are the applicant's calendar dates: Bogotá's, whatever the server's zone (docs/ARCHITECTURE.md, glossary).
const bogota = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });

// Bogotá's day changes on the hour (its offsets have been whole hours since 1914), so the
// answer for one hour is the answer for all of it: Intl's formatting, once per hour seen.
const HOUR_MS = 3_600_000;
const daysByHour = new Map<number, string>();

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

function parseDay(value: unknown): string {
  // Round-tripped, because Date.parse rolls 2016-02-30 over to March instead of refusing it.
  if (typeof value !== 'string' || !DAY.test(value) || !isRealDay(value)) {
    throw new GraphQLError('La fecha debe tener el formato aaaa-mm-dd.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, yyyy-MM-dd, in America/Bogota time.',
  serialize: (value) => (value instanceof Date ? bogotaDay(value) : parseDay(value)),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 in UTC.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Fecha y hora no válida.');
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = new Date(String(value));
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
      throw new GraphQLError('La fecha y hora debe estar en formato ISO 8601.', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return date;
  },
});
