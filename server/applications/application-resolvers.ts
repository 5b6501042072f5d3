import { CertificateType } from '../../entities/index.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { appError, rateLimitedError } from '../errors.js';
import { clientNetwork } from '../privacy.js';
import { RateLimitedError } from '../ratelimit/limits.js';
import { REQUIRED_DOCUMENTS, TERMS_VERSION } from './requirements.js';
import { ApplicationRefused } from './application-service.js';

function refusal(error: unknown): never {
  if (error instanceof ApplicationRefused) {
    const message = error.fields.map((f) => f.message).join(' ');
    if (error.code === 'RATE_LIMITED') {
      const limited = rateLimitedError(error.details.retryAfterSeconds ?? 60);
      throw appError('RATE_LIMITED', message, { ...limited.extensions, field: error.fields[0]?.field });
    }
    throw appError(error.code, message, { fields: error.fields, field: error.fields[0]?.field, ...error.details });
  }
  if (error instanceof RateLimitedError) throw rateLimitedError(error.retryAfterSeconds);
  throw error;
}

export const applicationResolvers: Resolvers = {
  Query: {
    certificateTypes: async (_root, _args, ctx) => {
      const types = await ctx.db.run((ds) => ds.getRepository(CertificateType).find({ order: { id: 'ASC' } }));
      return types.map((t) => ({ code: t.code, name: t.name, requiresCompany: t.requiresCompany, documents: REQUIRED_DOCUMENTS[t.code] ?? ['ID_DOCUMENT'] }));
    },
    currentTerms: () => ({ version: TERMS_VERSION }),
  },
  Mutation: {
    startApplication: async (_root, { captchaToken, termsVersion, email }, ctx) => {
      try {
        const address = ctx.applications.checkStart(termsVersion, email);
        // The CAPTCHA first: without one, nobody can spend an address's drafts or a mailbox's codes.
        await ctx.captcha.spend(captchaToken, ctx.caller.ip);
        await ctx.limitDraftOpening(ctx.caller.ip);
        await ctx.limitCodeEmail(address, ctx.caller.ip);
        return await ctx.applications.start(termsVersion, address, clientNetwork(ctx.caller.ip));
      } catch (error) {
        return refusal(error);
      }
    },
    confirmApplicationEmail: async (_root, { draftId, code }, ctx) => ctx.applications.confirmEmail(draftId, code).catch(refusal),
    resendApplicationEmailCode: async (_root, { draftId }, ctx) => ctx.applications.resendCode(draftId, (email) => ctx.limitCodeEmail(email, ctx.caller.ip)).catch(refusal),
    submitApplication: async (_root, { draftId, application }, ctx) => ctx.applications.submit(draftId, application).catch(refusal),
  },
};
