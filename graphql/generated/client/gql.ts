/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RequestDetail($handle: ID!, $orderNumber: String, $language: Language) {\n    requestDetail(id: $handle, orderNumber: $orderNumber, language: $language) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n": typeof types.RequestDetailDocument,
    "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      handlesExpireAt\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n": typeof types.LookupDocument,
    "\n  query CertificateDownload($token: String!) {\n    certificateDownload(token: $token) { requestNumber holderName certificateType validFrom validTo expiresAt }\n  }\n": typeof types.CertificateDownloadDocument,
    "\n  mutation IssueCertificate($token: String!, $csr: String!) {\n    issueCertificate(token: $token, csr: $csr) { requestNumber serialNumber certificate chain }\n  }\n": typeof types.IssueCertificateDocument,
    "\n  query ConsoleActivity($operator: String, $from: Date, $to: Date, $after: String) {\n    consoleActivity(operator: $operator, from: $from, to: $to, after: $after) {\n      items { kind occurredAt operator requestNumber move fromStage toStage reason documentKind }\n      nextCursor\n    }\n  }\n": typeof types.ConsoleActivityDocument,
    "\n  mutation ConsoleFile($n: String!) { fileRequest(requestNumber: $n) { requestNumber stage } }\n": typeof types.ConsoleFileDocument,
    "\n  mutation ConsoleVerifyPayment($n: String!, $invoice: String!, $cufe: String) { verifyPayment(requestNumber: $n, invoiceNumber: $invoice, cufe: $cufe) { requestNumber stage } }\n": typeof types.ConsoleVerifyPaymentDocument,
    "\n  mutation ConsoleApprove($n: String!) { approveRequest(requestNumber: $n) { requestNumber stage } }\n": typeof types.ConsoleApproveDocument,
    "\n  mutation ConsoleReject($n: String!, $reason: String!) { rejectRequest(requestNumber: $n, reason: $reason) { requestNumber stage } }\n": typeof types.ConsoleRejectDocument,
    "\n  mutation ConsoleDeliver($n: String!) { deliverCertificate(requestNumber: $n) { requestNumber stage proposal { id } } }\n": typeof types.ConsoleDeliverDocument,
    "\n  mutation ConsoleRevoke($n: String!, $reason: RevocationReason!) { revokeCertificate(requestNumber: $n, reason: $reason) { requestNumber stage proposal { id } } }\n": typeof types.ConsoleRevokeDocument,
    "\n  mutation ConsoleResendDownload($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }\n": typeof types.ConsoleResendDownloadDocument,
    "\n  mutation ConsoleApproveProposal($id: ID!) { approveProposal(id: $id) { requestNumber stage serialNumber } }\n": typeof types.ConsoleApproveProposalDocument,
    "\n  mutation ConsoleDeclineProposal($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { requestNumber stage } }\n": typeof types.ConsoleDeclineProposalDocument,
    "\n  mutation ConsoleRequestCorrection($n: String!, $kinds: [DocumentKind!]!, $reason: String!) {\n    requestCorrection(requestNumber: $n, kinds: $kinds, reason: $reason) { requestNumber stage }\n  }\n": typeof types.ConsoleRequestCorrectionDocument,
    "\n  mutation ConsoleCorrectName($n: String!, $name: String!, $reason: String!) {\n    correctApplicantName(requestNumber: $n, fullName: $name, reason: $reason) { requestNumber stage }\n  }\n": typeof types.ConsoleCorrectNameDocument,
    "\n  query ConsoleQueueOverview($certificateType: String) {\n    consoleQueueCounts(certificateType: $certificateType) { stage count due overdue }\n    consoleCertificateTypes { code name }\n    consolePaymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n  }\n": typeof types.ConsoleQueueOverviewDocument,
    "\n  query ConsoleQueue($stage: QueueStage!, $certificateType: String, $dueState: DueState, $after: String) {\n    consoleQueue(stage: $stage, certificateType: $certificateType, dueState: $dueState, after: $after) {\n      items { requestNumber filedOn ageBusinessDays dueState applicantName certificateType paymentDiscrepancy }\n      nextCursor\n    }\n  }\n": typeof types.ConsoleQueueDocument,
    "\n  query ConsoleRequestPage($requestNumber: String!) {\n    consoleRequest(requestNumber: $requestNumber) {\n      requestNumber\n      orderNumber\n      applicant { idType idNumber fullName }\n      contactEmail\n      contactPhone\n      holderName\n      company\n      project\n      certificateType\n      status\n      stage\n      filedAt\n      filedOn\n      ageBusinessDays\n      dueState\n      expectedFrom\n      expectedBy\n      serialNumber\n      validFrom\n      validTo\n      revokedAt\n      documents { id kind mediaType size uploadedAt url }\n      steps { kind modifiedOn information state }\n      history { occurredAt actor move fromStage toStage reason }\n      paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n    }\n    openProposals(requestNumber: $requestNumber) { id move reason proposedBy proposedAt }\n  }\n": typeof types.ConsoleRequestPageDocument,
    "\n  query ConsoleSearch($text: String!, $after: String) {\n    consoleSearch(text: $text, after: $after) {\n      items { requestNumber applicant { idType idNumber fullName } certificateType stage filedOn matchedBy }\n      searchedAs\n      nextCursor\n    }\n  }\n": typeof types.ConsoleSearchDocument,
    "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!, $language: Language) {\n    submitApplication(draftId: $draftId, application: $application, language: $language) {\n      requestNumber\n      orderNumber\n      payment { reference priceCop vatCop totalCop bankAccount link }\n    }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n": typeof types.ConfirmApplicationEmailDocument,
    "\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n": typeof types.ResendApplicationEmailCodeDocument,
    "\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n": typeof types.StartApplicationDocument,
    "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents priceCop vatCop totalCop }\n    paymentInstructions { vatPercent bankAccount linkTemplate }\n  }\n": typeof types.ApplyInfoDocument,
    "\n  query Renewal($token: String!) {\n    renewalApplication(token: $token) { requestNumber validTo certificateType idType idNumber fullName email company project }\n  }\n": typeof types.RenewalDocument,
};
const documents: Documents = {
    "\n  query RequestDetail($handle: ID!, $orderNumber: String, $language: Language) {\n    requestDetail(id: $handle, orderNumber: $orderNumber, language: $language) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n": types.RequestDetailDocument,
    "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      handlesExpireAt\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n": types.LookupDocument,
    "\n  query CertificateDownload($token: String!) {\n    certificateDownload(token: $token) { requestNumber holderName certificateType validFrom validTo expiresAt }\n  }\n": types.CertificateDownloadDocument,
    "\n  mutation IssueCertificate($token: String!, $csr: String!) {\n    issueCertificate(token: $token, csr: $csr) { requestNumber serialNumber certificate chain }\n  }\n": types.IssueCertificateDocument,
    "\n  query ConsoleActivity($operator: String, $from: Date, $to: Date, $after: String) {\n    consoleActivity(operator: $operator, from: $from, to: $to, after: $after) {\n      items { kind occurredAt operator requestNumber move fromStage toStage reason documentKind }\n      nextCursor\n    }\n  }\n": types.ConsoleActivityDocument,
    "\n  mutation ConsoleFile($n: String!) { fileRequest(requestNumber: $n) { requestNumber stage } }\n": types.ConsoleFileDocument,
    "\n  mutation ConsoleVerifyPayment($n: String!, $invoice: String!, $cufe: String) { verifyPayment(requestNumber: $n, invoiceNumber: $invoice, cufe: $cufe) { requestNumber stage } }\n": types.ConsoleVerifyPaymentDocument,
    "\n  mutation ConsoleApprove($n: String!) { approveRequest(requestNumber: $n) { requestNumber stage } }\n": types.ConsoleApproveDocument,
    "\n  mutation ConsoleReject($n: String!, $reason: String!) { rejectRequest(requestNumber: $n, reason: $reason) { requestNumber stage } }\n": types.ConsoleRejectDocument,
    "\n  mutation ConsoleDeliver($n: String!) { deliverCertificate(requestNumber: $n) { requestNumber stage proposal { id } } }\n": types.ConsoleDeliverDocument,
    "\n  mutation ConsoleRevoke($n: String!, $reason: RevocationReason!) { revokeCertificate(requestNumber: $n, reason: $reason) { requestNumber stage proposal { id } } }\n": types.ConsoleRevokeDocument,
    "\n  mutation ConsoleResendDownload($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }\n": types.ConsoleResendDownloadDocument,
    "\n  mutation ConsoleApproveProposal($id: ID!) { approveProposal(id: $id) { requestNumber stage serialNumber } }\n": types.ConsoleApproveProposalDocument,
    "\n  mutation ConsoleDeclineProposal($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { requestNumber stage } }\n": types.ConsoleDeclineProposalDocument,
    "\n  mutation ConsoleRequestCorrection($n: String!, $kinds: [DocumentKind!]!, $reason: String!) {\n    requestCorrection(requestNumber: $n, kinds: $kinds, reason: $reason) { requestNumber stage }\n  }\n": types.ConsoleRequestCorrectionDocument,
    "\n  mutation ConsoleCorrectName($n: String!, $name: String!, $reason: String!) {\n    correctApplicantName(requestNumber: $n, fullName: $name, reason: $reason) { requestNumber stage }\n  }\n": types.ConsoleCorrectNameDocument,
    "\n  query ConsoleQueueOverview($certificateType: String) {\n    consoleQueueCounts(certificateType: $certificateType) { stage count due overdue }\n    consoleCertificateTypes { code name }\n    consolePaymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n  }\n": types.ConsoleQueueOverviewDocument,
    "\n  query ConsoleQueue($stage: QueueStage!, $certificateType: String, $dueState: DueState, $after: String) {\n    consoleQueue(stage: $stage, certificateType: $certificateType, dueState: $dueState, after: $after) {\n      items { requestNumber filedOn ageBusinessDays dueState applicantName certificateType paymentDiscrepancy }\n      nextCursor\n    }\n  }\n": types.ConsoleQueueDocument,
    "\n  query ConsoleRequestPage($requestNumber: String!) {\n    consoleRequest(requestNumber: $requestNumber) {\n      requestNumber\n      orderNumber\n      applicant { idType idNumber fullName }\n      contactEmail\n      contactPhone\n      holderName\n      company\n      project\n      certificateType\n      status\n      stage\n      filedAt\n      filedOn\n      ageBusinessDays\n      dueState\n      expectedFrom\n      expectedBy\n      serialNumber\n      validFrom\n      validTo\n      revokedAt\n      documents { id kind mediaType size uploadedAt url }\n      steps { kind modifiedOn information state }\n      history { occurredAt actor move fromStage toStage reason }\n      paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n    }\n    openProposals(requestNumber: $requestNumber) { id move reason proposedBy proposedAt }\n  }\n": types.ConsoleRequestPageDocument,
    "\n  query ConsoleSearch($text: String!, $after: String) {\n    consoleSearch(text: $text, after: $after) {\n      items { requestNumber applicant { idType idNumber fullName } certificateType stage filedOn matchedBy }\n      searchedAs\n      nextCursor\n    }\n  }\n": types.ConsoleSearchDocument,
    "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!, $language: Language) {\n    submitApplication(draftId: $draftId, application: $application, language: $language) {\n      requestNumber\n      orderNumber\n      payment { reference priceCop vatCop totalCop bankAccount link }\n    }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n": types.ConfirmApplicationEmailDocument,
    "\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n": types.ResendApplicationEmailCodeDocument,
    "\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n": types.StartApplicationDocument,
    "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents priceCop vatCop totalCop }\n    paymentInstructions { vatPercent bankAccount linkTemplate }\n  }\n": types.ApplyInfoDocument,
    "\n  query Renewal($token: String!) {\n    renewalApplication(token: $token) { requestNumber validTo certificateType idType idNumber fullName email company project }\n  }\n": types.RenewalDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestDetail($handle: ID!, $orderNumber: String, $language: Language) {\n    requestDetail(id: $handle, orderNumber: $orderNumber, language: $language) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n"): (typeof documents)["\n  query RequestDetail($handle: ID!, $orderNumber: String, $language: Language) {\n    requestDetail(id: $handle, orderNumber: $orderNumber, language: $language) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      handlesExpireAt\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n"): (typeof documents)["\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      handlesExpireAt\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateDownload($token: String!) {\n    certificateDownload(token: $token) { requestNumber holderName certificateType validFrom validTo expiresAt }\n  }\n"): (typeof documents)["\n  query CertificateDownload($token: String!) {\n    certificateDownload(token: $token) { requestNumber holderName certificateType validFrom validTo expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueCertificate($token: String!, $csr: String!) {\n    issueCertificate(token: $token, csr: $csr) { requestNumber serialNumber certificate chain }\n  }\n"): (typeof documents)["\n  mutation IssueCertificate($token: String!, $csr: String!) {\n    issueCertificate(token: $token, csr: $csr) { requestNumber serialNumber certificate chain }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleActivity($operator: String, $from: Date, $to: Date, $after: String) {\n    consoleActivity(operator: $operator, from: $from, to: $to, after: $after) {\n      items { kind occurredAt operator requestNumber move fromStage toStage reason documentKind }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query ConsoleActivity($operator: String, $from: Date, $to: Date, $after: String) {\n    consoleActivity(operator: $operator, from: $from, to: $to, after: $after) {\n      items { kind occurredAt operator requestNumber move fromStage toStage reason documentKind }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleFile($n: String!) { fileRequest(requestNumber: $n) { requestNumber stage } }\n"): (typeof documents)["\n  mutation ConsoleFile($n: String!) { fileRequest(requestNumber: $n) { requestNumber stage } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleVerifyPayment($n: String!, $invoice: String!, $cufe: String) { verifyPayment(requestNumber: $n, invoiceNumber: $invoice, cufe: $cufe) { requestNumber stage } }\n"): (typeof documents)["\n  mutation ConsoleVerifyPayment($n: String!, $invoice: String!, $cufe: String) { verifyPayment(requestNumber: $n, invoiceNumber: $invoice, cufe: $cufe) { requestNumber stage } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApprove($n: String!) { approveRequest(requestNumber: $n) { requestNumber stage } }\n"): (typeof documents)["\n  mutation ConsoleApprove($n: String!) { approveRequest(requestNumber: $n) { requestNumber stage } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReject($n: String!, $reason: String!) { rejectRequest(requestNumber: $n, reason: $reason) { requestNumber stage } }\n"): (typeof documents)["\n  mutation ConsoleReject($n: String!, $reason: String!) { rejectRequest(requestNumber: $n, reason: $reason) { requestNumber stage } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeliver($n: String!) { deliverCertificate(requestNumber: $n) { requestNumber stage proposal { id } } }\n"): (typeof documents)["\n  mutation ConsoleDeliver($n: String!) { deliverCertificate(requestNumber: $n) { requestNumber stage proposal { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevoke($n: String!, $reason: RevocationReason!) { revokeCertificate(requestNumber: $n, reason: $reason) { requestNumber stage proposal { id } } }\n"): (typeof documents)["\n  mutation ConsoleRevoke($n: String!, $reason: RevocationReason!) { revokeCertificate(requestNumber: $n, reason: $reason) { requestNumber stage proposal { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResendDownload($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }\n"): (typeof documents)["\n  mutation ConsoleResendDownload($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApproveProposal($id: ID!) { approveProposal(id: $id) { requestNumber stage serialNumber } }\n"): (typeof documents)["\n  mutation ConsoleApproveProposal($id: ID!) { approveProposal(id: $id) { requestNumber stage serialNumber } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeclineProposal($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { requestNumber stage } }\n"): (typeof documents)["\n  mutation ConsoleDeclineProposal($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { requestNumber stage } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestCorrection($n: String!, $kinds: [DocumentKind!]!, $reason: String!) {\n    requestCorrection(requestNumber: $n, kinds: $kinds, reason: $reason) { requestNumber stage }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestCorrection($n: String!, $kinds: [DocumentKind!]!, $reason: String!) {\n    requestCorrection(requestNumber: $n, kinds: $kinds, reason: $reason) { requestNumber stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCorrectName($n: String!, $name: String!, $reason: String!) {\n    correctApplicantName(requestNumber: $n, fullName: $name, reason: $reason) { requestNumber stage }\n  }\n"): (typeof documents)["\n  mutation ConsoleCorrectName($n: String!, $name: String!, $reason: String!) {\n    correctApplicantName(requestNumber: $n, fullName: $name, reason: $reason) { requestNumber stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleQueueOverview($certificateType: String) {\n    consoleQueueCounts(certificateType: $certificateType) { stage count due overdue }\n    consoleCertificateTypes { code name }\n    consolePaymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n  }\n"): (typeof documents)["\n  query ConsoleQueueOverview($certificateType: String) {\n    consoleQueueCounts(certificateType: $certificateType) { stage count due overdue }\n    consoleCertificateTypes { code name }\n    consolePaymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleQueue($stage: QueueStage!, $certificateType: String, $dueState: DueState, $after: String) {\n    consoleQueue(stage: $stage, certificateType: $certificateType, dueState: $dueState, after: $after) {\n      items { requestNumber filedOn ageBusinessDays dueState applicantName certificateType paymentDiscrepancy }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query ConsoleQueue($stage: QueueStage!, $certificateType: String, $dueState: DueState, $after: String) {\n    consoleQueue(stage: $stage, certificateType: $certificateType, dueState: $dueState, after: $after) {\n      items { requestNumber filedOn ageBusinessDays dueState applicantName certificateType paymentDiscrepancy }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequestPage($requestNumber: String!) {\n    consoleRequest(requestNumber: $requestNumber) {\n      requestNumber\n      orderNumber\n      applicant { idType idNumber fullName }\n      contactEmail\n      contactPhone\n      holderName\n      company\n      project\n      certificateType\n      status\n      stage\n      filedAt\n      filedOn\n      ageBusinessDays\n      dueState\n      expectedFrom\n      expectedBy\n      serialNumber\n      validFrom\n      validTo\n      revokedAt\n      documents { id kind mediaType size uploadedAt url }\n      steps { kind modifiedOn information state }\n      history { occurredAt actor move fromStage toStage reason }\n      paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n    }\n    openProposals(requestNumber: $requestNumber) { id move reason proposedBy proposedAt }\n  }\n"): (typeof documents)["\n  query ConsoleRequestPage($requestNumber: String!) {\n    consoleRequest(requestNumber: $requestNumber) {\n      requestNumber\n      orderNumber\n      applicant { idType idNumber fullName }\n      contactEmail\n      contactPhone\n      holderName\n      company\n      project\n      certificateType\n      status\n      stage\n      filedAt\n      filedOn\n      ageBusinessDays\n      dueState\n      expectedFrom\n      expectedBy\n      serialNumber\n      validFrom\n      validTo\n      revokedAt\n      documents { id kind mediaType size uploadedAt url }\n      steps { kind modifiedOn information state }\n      history { occurredAt actor move fromStage toStage reason }\n      paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }\n    }\n    openProposals(requestNumber: $requestNumber) { id move reason proposedBy proposedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearch($text: String!, $after: String) {\n    consoleSearch(text: $text, after: $after) {\n      items { requestNumber applicant { idType idNumber fullName } certificateType stage filedOn matchedBy }\n      searchedAs\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearch($text: String!, $after: String) {\n    consoleSearch(text: $text, after: $after) {\n      items { requestNumber applicant { idType idNumber fullName } certificateType stage filedOn matchedBy }\n      searchedAs\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!, $language: Language) {\n    submitApplication(draftId: $draftId, application: $application, language: $language) {\n      requestNumber\n      orderNumber\n      payment { reference priceCop vatCop totalCop bankAccount link }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!, $language: Language) {\n    submitApplication(draftId: $draftId, application: $application, language: $language) {\n      requestNumber\n      orderNumber\n      payment { reference priceCop vatCop totalCop bankAccount link }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n"): (typeof documents)["\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n"): (typeof documents)["\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n"): (typeof documents)["\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents priceCop vatCop totalCop }\n    paymentInstructions { vatPercent bankAccount linkTemplate }\n  }\n"): (typeof documents)["\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents priceCop vatCop totalCop }\n    paymentInstructions { vatPercent bankAccount linkTemplate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Renewal($token: String!) {\n    renewalApplication(token: $token) { requestNumber validTo certificateType idType idNumber fullName email company project }\n  }\n"): (typeof documents)["\n  query Renewal($token: String!) {\n    renewalApplication(token: $token) { requestNumber validTo certificateType idType idNumber fullName email company project }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;