import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import type { StepView } from '../lifecycle/step-texts.js';
import { requireOperator } from '../operators/operator.js';
import type { PaymentDiscrepancy } from '../payments/payment-service.js';
import type { SearchHit } from './console-service.js';

/** The console's read side: operators only (an operator API key, or a console session). */
export const consoleResolvers: Resolvers = {
  Query: {
    consoleQueueCounts: async (_root, { certificateType }, ctx) => {
      requireOperator(ctx.caller);
      return ctx.console.queueCounts(certificateType);
    },
    consoleQueue: async (_root, args, ctx) => {
      requireOperator(ctx.caller);
      const page = await ctx.console.queue(args);
      return { ...page, items: page.items.map((item) => ({ ...item, filedOn: item.filedAt })) };
    },
    consoleCertificateTypes: async (_root, _args, ctx) => {
      requireOperator(ctx.caller);
      return ctx.console.certificateTypes();
    },
    consolePaymentDiscrepancies: async (_root, { first }, ctx) => {
      requireOperator(ctx.caller);
      return (await ctx.console.paymentDiscrepancies(first)).map(toDiscrepancy);
    },
    consoleSearch: async (_root, { text, first, after }, ctx) => {
      requireOperator(ctx.caller);
      const result = await ctx.console.search(text, first, after);
      return { ...result, items: result.items.map(toHit) };
    },
    consoleRequest: async (_root, { requestNumber }, ctx) => {
      requireOperator(ctx.caller);
      const request = await ctx.console.request(requestNumber);
      return { ...request, filedOn: request.filedAt, steps: request.steps.map(toStep), paymentDiscrepancies: request.paymentDiscrepancies.map(toDiscrepancy) };
    },
    consoleActivity: async (_root, args, ctx) => {
      requireOperator(ctx.caller);
      return ctx.console.activity(args);
    },
  },
};

function toHit({ filedAt, ...rest }: SearchHit) {
  return { filedOn: filedAt, ...rest };
}

function toDiscrepancy({ outcome, amountInCents, expectedCents, ...rest }: PaymentDiscrepancy) {
  return { ...rest, kind: outcome, amountCop: Math.floor(amountInCents / 100), expectedCop: expectedCents === null ? null : Math.round(expectedCents / 100) };
}

function toStep({ modifiedAt, ...rest }: StepView) {
  return { modifiedOn: modifiedAt, ...rest };
}
