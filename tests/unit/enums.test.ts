import { buildASTSchema, GraphQLEnumType, parse } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ID_TYPES as STORED_ID_TYPES, REQUEST_STATUSES, STEP_KINDS, STEP_STATES, type IdType as StoredIdType, type RequestStatus, type StepKind, type StepState } from '../../entities/domain.js';
import type { IdType as ClientIdType } from '../../graphql/generated/client/graphql.js';
import type * as Schema from '../../graphql/generated/resolvers-types.js';
import { ID_TYPES, type IdType } from '../../graphql/id-number.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../server/applications/requirements.js';
import { loadTypeDefs } from '../../server/graphql/schema.js';
import { STAGES } from '../../server/lifecycle/machine.js';
import { PAYMENT_OUTCOMES, PROPOSAL_OUTCOMES } from '../../entities/index.js';
import { QUEUE_STAGES, type QueueStage } from '../../server/lifecycle/queue.js';
import type { DueState } from '../../server/calendar/business-days.js';

const schema = buildASTSchema(parse(loadTypeDefs()));

function valuesOf(name: string): string[] {
  const type = schema.getType(name);
  expect(type).toBeInstanceOf(GraphQLEnumType);
  return (type as GraphQLEnumType).getValues().map((v) => v.name);
}

describe('the identity document kinds, defined once', () => {
  it('are the values of the schema’s IdType enum, in its order', () => {
    expect(valuesOf('IdType')).toEqual([...ID_TYPES]);
  });

  it('are what the entities store', () => {
    expect(STORED_ID_TYPES).toBe(ID_TYPES);
    expectTypeOf<StoredIdType>().toEqualTypeOf<IdType>();
  });

  it('agree with the generated client and resolver types', () => {
    expectTypeOf<ClientIdType>().toEqualTypeOf<IdType>();
    expectTypeOf<Schema.IdType>().toEqualTypeOf<IdType>();
  });
});

describe('the other enumerations the schema shares with the domain', () => {
  it.each([
    ['RequestStatus', REQUEST_STATUSES],
    ['StepKind', STEP_KINDS],
    ['StepState', STEP_STATES],
    ['DocumentKind', DOCUMENT_KINDS],
    ['RequestStage', STAGES],
    ['ProposalOutcome', PROPOSAL_OUTCOMES],
    ['QueueStage', QUEUE_STAGES],
    ['DueState', ['ON_TIME', 'DUE', 'OVERDUE']],
    ['PaymentDiscrepancyKind', PAYMENT_OUTCOMES.filter((o) => o !== 'APPLIED')],
  ] as const)('%s has the same values in the schema and in the code', (name, values) => {
    expect(valuesOf(name)).toEqual([...values]);
  });

  it('generate the same types', () => {
    expectTypeOf<Schema.RequestStatus>().toEqualTypeOf<RequestStatus>();
    expectTypeOf<Schema.StepKind>().toEqualTypeOf<StepKind>();
    expectTypeOf<Schema.StepState>().toEqualTypeOf<StepState>();
    expectTypeOf<Schema.DocumentKind>().toEqualTypeOf<DocumentKind>();
    expectTypeOf<Schema.QueueStage>().toEqualTypeOf<QueueStage>();
    expectTypeOf<Schema.DueState>().toEqualTypeOf<DueState>();
  });
});
