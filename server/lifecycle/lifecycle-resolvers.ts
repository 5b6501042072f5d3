import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { messages } from '../messages.js';
import { personName, recordText } from '../names.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireOperator } from '../operators/operator.js';
import { parseCufe } from '../payments/cufe.js';
import { BadInput, Unauthenticated } from '../refusals.js';
import type { DocumentKind } from '../applications/requirements.js';
import { isSupervised, type Move, type RevocationReason } from './machine.js';
import type { MoveInput } from './lifecycle-service.js';
import type { ProposedMove } from './proposals.js';

function requireKey(ctx: GraphQLContext) {
  if (!ctx.caller.partner) throw new Unauthenticated('KEY_REQUIRED');
  return ctx.caller.partner;
}

function text(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max || hasControlCharacters(trimmed)) {
    throw new BadInput(messages.TEXT_LENGTH.replace('{min}', String(min)).replace('{max}', String(max)), { field });
  }
  return trimmed;
}

function hasControlCharacters(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** A move by the calling operator; a delivery or revocation is proposed (four eyes). */
async function move(ctx: GraphQLContext, input: { move: Move; requestNumber: string; invoiceNumber?: string; cufe?: string | null; reason?: string }) {
  const operator = requireOperator(ctx.caller);
  const full = { ...input, actor: operator.name } as MoveInput;
  return isSupervised(full.move) ? ctx.lifecycle.propose(full as ProposedMove, operator) : ctx.lifecycle.apply(full);
}

/** An optional CUFE: absent or empty is none; anything else must be one (96 hex characters). */
function cufeOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const cufe = parseCufe(value);
  if (!cufe) throw new BadInput(messages.CUFE_FORMAT, { field: 'cufe', reason: 'CUFE_FORMAT' });
  return cufe;
}

/** Text a person reads, as typed (not upper-cased), once it is known to hold nothing invisible. */
function readableText(field: string, value: string, min: number, max: number): string {
  const checked = recordText(value, { min, max });
  if (!checked.ok) throw new BadInput(messages.TEXT_LENGTH.replace('{min}', String(min)).replace('{max}', String(max)), { field, reason: checked.problem });
  return value.normalize('NFC').trim();
}

export const lifecycleResolvers: Resolvers = {
  Query: {
    certificateBySerial: async (_root, { serial }, ctx) => {
      const partner = requireKey(ctx);
      return ctx.lookup.serial({ ...ctx.caller, partner }, serial);
    },
    requestHistory: async (_root, { requestNumber }, ctx) => {
      requireOperator(ctx.caller);
      return ctx.lifecycle.history(requestNumber);
    },
    openProposals: async (_root, { requestNumber }, ctx) => {
      requireOperator(ctx.caller);
      return ctx.lifecycle.openProposals(requestNumber ?? undefined);
    },
  },
  RequestDetail: {
    history: async (detail, _args, ctx) => (ctx.caller.operator ? ctx.lifecycle.history(detail.requestNumber) : null),
    openProposal: async (detail, _args, ctx) => (ctx.caller.operator ? ((await ctx.lifecycle.openProposals(detail.requestNumber))[0] ?? null) : null),
  },
  Mutation: {
    fileRequest: (_root, { requestNumber }, ctx) => move(ctx, { move: 'file', requestNumber }),
    verifyPayment: (_root, { requestNumber, invoiceNumber, cufe }, ctx) =>
      move(ctx, { move: 'verify-payment', requestNumber, invoiceNumber: text('invoiceNumber', invoiceNumber, 1, 40), cufe: cufeOf(cufe) }),
    approveRequest: (_root, { requestNumber }, ctx) => move(ctx, { move: 'approve', requestNumber }),
    rejectRequest: (_root, { requestNumber, reason }, ctx) => move(ctx, { move: 'reject', requestNumber, reason: text('reason', reason, 5, 300) }),
    deliverCertificate: (_root, { requestNumber }, ctx) => move(ctx, { move: 'deliver', requestNumber }),
    revokeCertificate: (_root, { requestNumber, reason }, ctx) => move(ctx, { move: 'revoke', requestNumber, reason: reason as RevocationReason }),
    approveProposal: async (_root, { id }, ctx) => ctx.lifecycle.approveProposal(id, requireOperator(ctx.caller)),
    declineProposal: async (_root, { id, reason }, ctx) => {
      const operator = requireOperator(ctx.caller);
      return ctx.lifecycle.declineProposal(id, readableText('reason', reason, 5, 300), operator);
    },
    requestCorrection: async (_root, { requestNumber, kinds, reason }, ctx) => {
      const operator = requireOperator(ctx.caller);
      if (kinds.length === 0) throw new BadInput('Indique al menos un documento que el solicitante debe enviar de nuevo.', { field: 'kinds', reason: 'REQUIRED' });
      return ctx.lifecycle.requestCorrection({ requestNumber, kinds: kinds as DocumentKind[], reason: readableText('reason', reason, 5, 300) }, operator);
    },
    correctApplicantName: async (_root, { requestNumber, fullName, reason }, ctx) => {
      const operator = requireOperator(ctx.caller);
      const name = personName(fullName);
      if (!name.ok) throw new BadInput(messages.PERSON_NAME[name.problem], { field: 'fullName', reason: name.problem });
      const why = recordText(reason, { min: 5, max: 300 });
      if (!why.ok) throw new BadInput(messages.TEXT_LENGTH.replace('{min}', '5').replace('{max}', '300'), { field: 'reason', reason: why.problem });
      // The reason as typed (not upper-cased), once it is known to hold nothing invisible.
      return ctx.lifecycle.correctName({ requestNumber, actor: operator.name, fullName: name.value, reason: reason.normalize('NFC').trim() });
    },
  },
};
