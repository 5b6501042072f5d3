import { Forbidden, Unauthenticated } from '../refusals.js';
import type { PartnerRole } from '../../entities/index.js';

/** Roles a person gets from the identity provider's roles claim (OIDC_ROLES_CLAIM). */
export type OperatorRole = 'ssps-operator' | 'ssps-supervisor';

/**
 * Who is working a request: a person signed in to the console (their name from the token's
 * claims) or a machine holding an operator API key (the key's name). The name is what the
 * history records; `id` is stable for one person or key and is what four eyes compares.
 */
export interface Operator {
  /** `oidc:<issuer subject>` for a person, `key:<partner id>` for a machine, `ops-cli:<name>` for the command line. */
  id: string;
  name: string;
  roles: readonly OperatorRole[];
  /** `cli`: whoever runs the server, naming themselves with `npm run ops -- … --as` (server/lifecycle/ops-cli.ts). */
  via: 'session' | 'key' | 'cli';
}

/** The operator behind an operator API key (machines work the queue, never supervise). */
export function keyOperator(partner: { id: number; name: string; role: PartnerRole }): Operator | null {
  if (partner.role !== 'operator') return null;
  return { id: `key:${partner.id}`, name: partner.name, roles: ['ssps-operator'], via: 'key' };
}

/** The caller as an operator; Unauthenticated without a key or session, Forbidden for anyone else. */
export function requireOperator(caller: { operator: Operator | null; partner: object | null }): Operator {
  if (caller.operator) return caller.operator;
  if (!caller.partner) throw new Unauthenticated('OPERATOR_REQUIRED');
  throw new Forbidden();
}

export function isSupervisor(operator: Operator): boolean {
  return operator.roles.includes('ssps-supervisor');
}
