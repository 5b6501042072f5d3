import { describe, expect, it } from 'vitest';
import { KnownOperations, LIMITS, MEDIA_TYPES, type KnownOperation } from '../../server/graphql/known-operations.js';

const operation = (name: string): KnownOperation => ({ name, run: () => Promise.resolve({ data: { name } }) });

describe('KnownOperations', () => {
  it('finds an operation by its exact text and the name the request gave, and tells no name from an empty one', () => {
    const known = new KnownOperations();
    const lookup = operation('Lookup');
    known.learn('query Lookup { x }', undefined, lookup);
    expect(known.find('query Lookup { x }', undefined)).toBe(lookup);
    expect(known.find('query Lookup { x }', null)).toBe(lookup);
    // An empty name is a name no operation has: Apollo refuses it, so the table must not answer it.
    expect(known.find('query Lookup { x }', '')).toBeUndefined();
    expect(known.find('query Lookup { x }', 'Lookup')).toBeUndefined();
    expect(known.find('query Lookup {  x }', undefined)).toBeUndefined();
    known.learn('query Lookup { x }', 'Lookup', lookup);
    expect(known.find('query Lookup { x }', 'Lookup')).toBe(lookup);
  });

  it('keeps the operations clients keep asking for through a flood of texts asked for once', () => {
    const known = new KnownOperations();
    known.learn('query Lookup { x }', undefined, operation('Lookup'));
    for (let i = 0; i < LIMITS.texts * 4; i++) {
      known.learn(`{ __typename } #${i}`, undefined, operation('Flood'));
      if (i % 50 === 0) expect(known.find('query Lookup { x }', undefined), `after ${i}`).toBeDefined();
    }
    expect(known.size).toBe(LIMITS.texts);
    expect(known.find('{ __typename } #0', undefined)).toBeUndefined();
    // Asked for no more, it goes in its turn.
    for (let i = 0; i < LIMITS.texts * 2; i++) known.learn(`{ __typename } #again ${i}`, undefined, operation('Flood'));
    expect(known.find('query Lookup { x }', undefined)).toBeUndefined();
  });

  it('keeps no text longer than its limit, and one text under a few names only', () => {
    const known = new KnownOperations();
    known.learn(`{ x } #${'.'.repeat(LIMITS.textChars)}`, undefined, operation('Long'));
    expect(known.size).toBe(0);
    for (let i = 0; i < 20; i++) known.learn('query A { x } query B { x }', `Op${i}`, operation(`Op${i}`));
    const kept = Array.from({ length: 20 }, (_, i) => known.find('query A { x } query B { x }', `Op${i}`)).filter(Boolean);
    expect(kept).toHaveLength(LIMITS.namesPerText);
  });

  it('is worth compiling a text that comes back, under a name it would keep, and never a text too long to keep', () => {
    const known = new KnownOperations();
    expect(known.worthCompiling('{ a }')).toBe(false);
    expect(known.worthCompiling('{ a }')).toBe(true);
    const long = `{ a } #${'.'.repeat(LIMITS.textChars)}`;
    expect(known.worthCompiling(long)).toBe(false);
    expect(known.worthCompiling(long)).toBe(false);
    // A text kept under as many names as it may be: another name would never be kept, so not compiled either.
    for (let i = 0; i < LIMITS.namesPerText; i++) known.learn('query A { x } query B { x } query C { x }', `Op${i}`, operation(`Op${i}`));
    expect(known.worthCompiling('query A { x } query B { x } query C { x }')).toBe(false);
    known.clear();
    expect(known.worthCompiling('{ a }')).toBe(false);
  });

  it('chooses the content type Apollo chooses for each Accept, and none where Apollo answers 406', () => {
    const known = new KnownOperations();
    expect(known.contentTypeFor(undefined)).toBe(MEDIA_TYPES.APPLICATION_JSON);
    expect(known.contentTypeFor('')).toBe(MEDIA_TYPES.APPLICATION_JSON);
    expect(known.contentTypeFor('*/*')).toBe(MEDIA_TYPES.APPLICATION_JSON);
    expect(known.contentTypeFor('application/graphql-response+json, application/json;q=0.9')).toBe(MEDIA_TYPES.APPLICATION_GRAPHQL_RESPONSE_JSON);
    expect(known.contentTypeFor('text/html')).toBeNull();
    // Asked again, from its memory: the same answer.
    expect(known.contentTypeFor('text/html')).toBeNull();
  });
});
