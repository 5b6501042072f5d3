import { graphql } from '../../graphql/generated/client';
import type { ApplyInfoQuery } from '../../graphql/generated/client/graphql';

/** What applying needs to know before the first step: the terms in force, the certificate types with their documents and prices, and how to pay. */
export const ApplyInfoDocument = graphql(`
  query ApplyInfo {
    currentTerms { version }
    certificateTypes { code name requiresCompany documents priceCop vatCop totalCop }
    paymentInstructions { vatPercent bankAccount linkTemplate }
  }
`);

export type Info = ApplyInfoQuery;
