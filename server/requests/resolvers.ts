import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { appError, badIdNumber, messages } from '../errors.js';
import { normalizeIdNumber } from '../../graphql/id-number.js';
import type { RequestSummary, StepView } from './service.js';

export const requestResolvers: Resolvers = {
  Query: {
    certificateRequests: async (_root, { idType, idNumber, captchaToken }, ctx) => {
      // Input first: a typo must not spend the applicant's solved CAPTCHA.
      const parsed = normalizeIdNumber(idType, idNumber);
      if (!parsed.ok) throw badIdNumber(parsed.problem, parsed);
      await ctx.captcha.spend(captchaToken);
      const result = await ctx.requests.lookup(idType, parsed.idNumber);
      return { applicant: result.applicant, requests: result.requests.map(toSummary), newRequestUrl: ctx.newRequestUrl };
    },
    requestDetail: async (_root, { id }, ctx) => {
      const detail = await ctx.requests.detail(id);
      // Forged, altered, expired or simply unknown: one answer, so handles cannot be probed.
      if (!detail) throw appError('NOT_FOUND', messages.NOT_FOUND);
      return { ...detail, steps: detail.steps.map(toStep) };
    },
  },
};

function toSummary({ handle, issuedAt, ...rest }: RequestSummary) {
  return { id: handle, issuedOn: issuedAt, ...rest };
}

function toStep({ modifiedAt, ...rest }: StepView) {
  return { modifiedOn: modifiedAt, ...rest };
}
