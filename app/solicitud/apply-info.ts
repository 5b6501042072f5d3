import { graphql } from '../../graphql/generated/client';
import type { ApplyInfoQuery } from '../../graphql/generated/client/graphql';

/** What applying needs to know before the first step: the terms in force and the certificate types with their documents. */
export const ApplyInfoDocument = graphql(`
  query ApplyInfo {
    currentTerms { version }
    certificateTypes { code name requiresCompany documents }
  }
`);

export type Info = ApplyInfoQuery;
