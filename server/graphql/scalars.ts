import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { bogotaDay, isDay } from '../calendar/bogota.js';

function parseDay(value: unknown): string {
  // Round-tripped, because Date.parse rolls 2016-02-30 over to March instead of refusing it.
  if (typeof value !== 'string' || !isDay(value)) {
    throw new GraphQLError('La fecha debe tener el formato aaaa-mm-dd.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
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
