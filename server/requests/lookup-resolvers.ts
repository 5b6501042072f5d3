import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { normalizeIdNumber } from '../../graphql/id-number.js';
import { messages } from '../messages.js';
import type { StepView } from '../lifecycle/step-texts.js';
import { BadInput, badIdNumber, NotFound } from '../refusals.js';
import type { RequestSummary } from './lookup-service.js';

export const requestResolvers: Resolvers = {
  Query: {
    certificateRequests: async (_root, { idType, idNumber, captchaToken }, ctx) => {
      // Input first: a typo must not spend the applicant's solved CAPTCHA.
      const parsed = normalizeIdNumber(idType, idNumber);
      if (!parsed.ok) throw badIdNumber(parsed.problem, parsed);
      const result = await ctx.lookup.lookup(ctx.caller, idType, parsed.idNumber, captchaToken);
      return {
        applicant: result.applicant,
        requests: result.requests.map(toSummary),
        handlesExpireAt: result.handlesExpireAt,
        newRequestUrl: ctx.newRequestUrl,
        detailNeedsOrderNumber: ctx.detailNeedsOrderNumber,
      };
    },
    requestDetail: async (_root, { id: handle, orderNumber, language }, ctx) => {
      if (ctx.detailNeedsOrderNumber && !orderNumber?.trim()) throw new BadInput(messages.ORDER_NUMBER_REQUIRED, { field: 'orderNumber' });
      const detail = await ctx.lookup.detail(ctx.caller, handle, orderNumber, language === 'EN' ? 'en' : 'es');
      // Forged, altered, expired or simply unknown: one answer, so handles cannot be probed.
      if (!detail) throw new NotFound();
      return { ...detail, steps: detail.steps.map(toStep) };
    },
  },
};

/** The schema's `id` is the request's handle (a public contract, named before the handle was): the one rename, here at the edge. */
function toSummary({ handle, issuedAt, ...rest }: RequestSummary) {
  return { id: handle, issuedOn: issuedAt, ...rest };
}

function toStep({ modifiedAt, ...rest }: StepView) {
  return { modifiedOn: modifiedAt, ...rest };
}
