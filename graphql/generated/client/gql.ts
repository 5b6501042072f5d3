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
    "\n  query RequestDetail($handle: ID!, $orderNumber: String) {\n    requestDetail(id: $handle, orderNumber: $orderNumber) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n": typeof types.RequestDetailDocument,
    "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n": typeof types.LookupDocument,
    "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!) {\n    submitApplication(draftId: $draftId, application: $application) { requestNumber orderNumber }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n": typeof types.ConfirmApplicationEmailDocument,
    "\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n": typeof types.ResendApplicationEmailCodeDocument,
    "\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n": typeof types.StartApplicationDocument,
    "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents }\n  }\n": typeof types.ApplyInfoDocument,
};
const documents: Documents = {
    "\n  query RequestDetail($handle: ID!, $orderNumber: String) {\n    requestDetail(id: $handle, orderNumber: $orderNumber) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n": types.RequestDetailDocument,
    "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n": types.LookupDocument,
    "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!) {\n    submitApplication(draftId: $draftId, application: $application) { requestNumber orderNumber }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {\n    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }\n  }\n": types.ConfirmApplicationEmailDocument,
    "\n  mutation ResendApplicationEmailCode($draftId: ID!) {\n    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }\n  }\n": types.ResendApplicationEmailCodeDocument,
    "\n  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {\n    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }\n  }\n": types.StartApplicationDocument,
    "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents }\n  }\n": types.ApplyInfoDocument,
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
export function graphql(source: "\n  query RequestDetail($handle: ID!, $orderNumber: String) {\n    requestDetail(id: $handle, orderNumber: $orderNumber) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n"): (typeof documents)["\n  query RequestDetail($handle: ID!, $orderNumber: String) {\n    requestDetail(id: $handle, orderNumber: $orderNumber) {\n      requestNumber\n      holderName\n      serialNumber\n      expectedFrom\n      expectedBy\n      validFrom\n      validTo\n      steps { kind modifiedOn information state invoiceUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n"): (typeof documents)["\n  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {\n    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {\n      applicant { idType idNumber fullName }\n      requests { handle: id orderNumber requestNumber issuedOn holderName company project certificateType status }\n      newRequestUrl\n      detailNeedsOrderNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!) {\n    submitApplication(draftId: $draftId, application: $application) { requestNumber orderNumber }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!) {\n    submitApplication(draftId: $draftId, application: $application) { requestNumber orderNumber }\n  }\n"];
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
export function graphql(source: "\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents }\n  }\n"): (typeof documents)["\n  query ApplyInfo {\n    currentTerms { version }\n    certificateTypes { code name requiresCompany documents }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;