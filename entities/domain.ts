// Stored values of the domain's enumerations; the GraphQL enums of graphql/schema carry the same names.
// The identity document's kinds are the contract's own, shared with the pages: defined once, in graphql/.
export { ID_TYPES, type IdType } from '../graphql/id-number.js';

export const REQUEST_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The manual's order: Paso1 … Paso4, then Vigencia. */
export const STEP_KINDS = ['FILING', 'PAYMENT', 'APPROVAL', 'DELIVERY', 'VALIDITY'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** EXPIRED, NOT_ISSUED and CLOSED (a step a rejected or cancelled request never reaches) are computed as it is read, never stored. */
export const STEP_STATES = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'VALID', 'REVOKED', 'EXPIRED', 'NOT_ISSUED', 'CLOSED'] as const;
export type StepState = (typeof STEP_STATES)[number];
