import type { IdType, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { requireOperator } from '../operators/operator.js';

export const certificateResolvers: Resolvers = {
  Query: {
    certificateDownload: (_root, { token }, ctx) => ctx.downloads.view(token, ctx.caller.ip),
    renewalApplication: async (_root, { token }, ctx) => {
      const renewal = await ctx.renewals.renewal(token);
      return { ...renewal, idType: renewal.idType as IdType };
    },
  },
  Mutation: {
    issueCertificate: (_root, { token, csr }, ctx) => ctx.downloads.issue(token, csr, ctx.caller.ip),
    resendDownloadLink: async (_root, { requestNumber }, ctx) => ctx.downloads.resendLink(requestNumber, requireOperator(ctx.caller).name),
  },
};
