import { graphql } from '../../graphql/generated/client';
import type { RenewalQuery } from '../../graphql/generated/client/graphql';

/** A reminder's renewal link opens the expiring request's data, which the form pre-fills. */
export const RenewalDocument = graphql(`
  query Renewal($token: String!) {
    renewalApplication(token: $token) { requestNumber validTo certificateType idType idNumber fullName email company project }
  }
`);

export type Renewal = RenewalQuery['renewalApplication'];

/** The token of `#renovar=<token>`, or null. */
export function renewalToken(hash: string): string | null {
  const match = /^#renovar=([A-Za-z0-9_-]{20,200})$/.exec(hash);
  return match ? match[1] : null;
}
