import { graphql } from '../../graphql/generated/client';
import type { LookupQuery } from '../../graphql/generated/client/graphql';

export const LookupDocument = graphql(`
  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {
    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {
      applicant { idType idNumber fullName }
      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }
      handlesExpireAt
      newRequestUrl
      detailNeedsOrderNumber
    }
  }
`);

export type Lookup = LookupQuery['certificateRequests'];
