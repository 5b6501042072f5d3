import { GraphQLError, parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bogotaDay } from '../../server/calendar/bogota.js';
import { DateScalar } from '../../server/graphql/scalars.js';

describe('bogotaDay', () => {
  it('gives the calendar day in Bogotá (UTC−5), not in UTC', () => {
    expect(bogotaDay(new Date('2016-08-04T03:00:00Z'))).toBe('2016-08-03');
    expect(bogotaDay(new Date('2016-08-04T04:59:59.999Z'))).toBe('2016-08-03');
    expect(bogotaDay(new Date('2016-08-04T05:00:00Z'))).toBe('2016-08-04');
  });
});

describe('DateScalar', () => {
  it('serializes a Date as its Bogotá day', () => {
    expect(DateScalar.serialize(new Date('2016-08-04T03:00:00Z'))).toBe('2016-08-03');
    expect(DateScalar.serialize(new Date('2016-12-31T23:00:00-05:00'))).toBe('2016-12-31');
  });

  it('serializes a valid day string unchanged and refuses anything else', () => {
    expect(DateScalar.serialize('2016-08-03')).toBe('2016-08-03');
    expect(() => DateScalar.serialize('03/08/2016')).toThrow(GraphQLError);
  });

  it.each(['2016-08-03', '2016-02-29', '2000-01-01'])('accepts %s', (day) => {
    expect(DateScalar.parseValue(day)).toBe(day);
  });

  it.each([
    ['2016-13-45'],
    ['03/08/2016'],
    ['2016-8-3'],
    [' 2016-08-03'],
    ['2016-08-03T00:00:00Z'],
    [''],
    [20160803],
    [null],
  ])('rejects %j as BAD_USER_INPUT', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(GraphQLError);
    try {
      DateScalar.parseValue(value);
    } catch (err) {
      expect((err as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  // Known bug (reported): Date.parse rolls impossible days over instead of rejecting them.
  it.each(['2016-02-30', '2015-02-29', '2016-04-31'])('rejects the non-existent day %s', (day) => {
    expect(() => DateScalar.parseValue(day)).toThrow(GraphQLError);
  });

  it('parses string literals only', () => {
    expect(DateScalar.parseLiteral(parseValue('"2016-08-03"'))).toBe('2016-08-03');
    expect(() => DateScalar.parseLiteral(parseValue('"2016-13-45"'))).toThrow(GraphQLError);
    expect(() => DateScalar.parseLiteral(parseValue('20160803'))).toThrow(GraphQLError);
  });
});
