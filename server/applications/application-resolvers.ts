import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { clientNetwork } from '../privacy.js';

export const applicationResolvers: Resolvers = {
  Query: {
    certificateTypes: (_root, _args, ctx) => ctx.applications.certificateTypes(),
    paymentInstructions: (_root, _args, ctx) => ctx.applications.paymentInstructions(),
    currentTerms: (_root, _args, ctx) => ({ version: ctx.applications.termsVersion }),
  },
  Mutation: {
    startApplication: async (_root, { captchaToken, termsVersion, email }, ctx) => {
      const address = ctx.applications.checkStart(termsVersion, email);
      // The CAPTCHA first: without one, nobody can spend an address's drafts or a mailbox's codes.
      await ctx.captcha.spend(captchaToken, ctx.caller.ip);
      await ctx.limitDraftOpening(ctx.caller.ip);
      await ctx.limitCodeEmail(address, ctx.caller.ip);
      return ctx.applications.start(termsVersion, address, clientNetwork(ctx.caller.ip));
    },
    confirmApplicationEmail: (_root, { draftId, code }, ctx) => ctx.applications.confirmEmail(draftId, code),
    resendApplicationEmailCode: (_root, { draftId }, ctx) => ctx.applications.resendCode(draftId, (email) => ctx.limitCodeEmail(email, ctx.caller.ip)),
    submitApplication: (_root, { draftId, application, language }, ctx) => ctx.applications.submit(draftId, application, language === 'EN' ? 'en' : 'es'),
  },
};
