import { CertificateType } from '../../entities/index.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { appError } from '../errors.js';
import { clientNetwork } from '../privacy.js';
import { REQUIRED_DOCUMENTS, TERMS_VERSION } from './requirements.js';
import { ApplicationRefused } from './service.js';

function refusal(error: unknown): never {
  if (error instanceof ApplicationRefused) {
    throw appError(error.code, error.fields.map((f) => f.message).join(' '), { fields: error.fields, field: error.fields[0]?.field });
  }
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
    startApplication: async (_root, { captchaToken, termsVersion }, ctx) => {
      await ctx.captcha.spend(captchaToken, ctx.caller.ip);
      return ctx.applications.start(termsVersion, clientNetwork(ctx.caller.ip)).catch(refusal);
    },
    submitApplication: async (_root, { draftId, application }, ctx) => ctx.applications.submit(draftId, application).catch(refusal),
  },
};
