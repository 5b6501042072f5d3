import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RequestEvent as RequestEventRow } from '../../entities/RequestEvent.js';
import type { ProposalView } from '../../server/lifecycle/refusals.js';
import type { GraphQLContext } from '../../server/graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, yyyy-MM-dd, in America/Bogota time. */
  Date: { input: string; output: Date | string; }
  /** An instant, ISO 8601 in UTC. */
  DateTime: { input: string; output: Date | string; }
};

export type ActivityEntry = {
  __typename?: 'ActivityEntry';
  /** DOCUMENT_VIEW only. */
  documentId?: Maybe<Scalars['ID']['output']>;
  documentKind?: Maybe<DocumentKind>;
  fromStage?: Maybe<RequestStage>;
  kind: ActivityKind;
  /** MOVE only. */
  move?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  /** The operator's name, as the history records it. */
  operator: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  requestNumber: Scalars['String']['output'];
  toStage?: Maybe<RequestStage>;
};

export type ActivityKind =
  /** A supporting document opened. */
  | 'DOCUMENT_VIEW'
  /** A move of a request's history. */
  | 'MOVE';

export type ActivityPage = {
  __typename?: 'ActivityPage';
  items: Array<ActivityEntry>;
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type Applicant = {
  __typename?: 'Applicant';
  fullName: Scalars['String']['output'];
  /** Normalized: no dots or spaces; a NIT as base-checkDigit. */
  idNumber: Scalars['String']['output'];
  idType: IdType;
};

/**
 * An application being prepared: confirm its e-mail with the code sent there
 * (confirmApplicationEmail), upload its documents to PUT /applications/{id}/documents/{kind},
 * then submit it.
 */
export type ApplicationDraft = {
  __typename?: 'ApplicationDraft';
  /** Until when the last code sent can be entered. */
  codeExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the one-time code went; the request's e-mails will go only there. */
  email: Scalars['String']['output'];
  /** True once the code sent to `email` was entered; submitApplication needs it. */
  emailConfirmed: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  termsVersion: Scalars['String']['output'];
};

export type ApplicationInput = {
  certificateType: Scalars['String']['input'];
  company?: InputMaybe<Scalars['String']['input']>;
  /** Optional: the draft's confirmed address is used. When given, it must be that address. */
  email?: InputMaybe<Scalars['String']['input']>;
  fullName: Scalars['String']['input'];
  /** When the certificate's holder is not the applicant. */
  holderName?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['String']['input'];
  idType: IdType;
  phone: Scalars['String']['input'];
  project?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A delivered certificate's download link, as its token opens it. The token comes from the
 * e-mail's link (/descarga#<token>); the page sends it in the body, never in a URL.
 */
export type CertificateDownload = {
  __typename?: 'CertificateDownload';
  certificateType: Scalars['String']['output'];
  /** Until when the link can be used (DOWNLOAD_TTL_HOURS after the delivery). */
  expiresAt: Scalars['DateTime']['output'];
  holderName: Scalars['String']['output'];
  requestNumber: Scalars['String']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo: Scalars['DateTime']['output'];
};

export type CertificateRequestSummary = {
  __typename?: 'CertificateRequestSummary';
  /** Display name of the certificate type, e.g. "Profesional Titulado". */
  certificateType: Scalars['String']['output'];
  company?: Maybe<Scalars['String']['output']>;
  holderName: Scalars['String']['output'];
  /** The request's handle for requestDetail: opaque, signed, expiring, bound to this lookup. */
  id: Scalars['ID']['output'];
  /** Fecha emisión. */
  issuedOn?: Maybe<Scalars['Date']['output']>;
  /** Orden Pedido No. With LOOKUP_SECOND_FACTOR=order-number only its last two digits show (••••43). */
  orderNumber: Scalars['String']['output'];
  project?: Maybe<Scalars['String']['output']>;
  requestNumber: Scalars['String']['output'];
  status: RequestStatus;
};

export type CertificateState =
  | 'EXPIRED'
  | 'REVOKED'
  | 'VALID';

/** What a relying party needs to know about a certificate. */
export type CertificateStatus = {
  __typename?: 'CertificateStatus';
  requestNumber: Scalars['String']['output'];
  revocationReason?: Maybe<RevocationReason>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  serialNumber: Scalars['String']['output'];
  state: CertificateState;
  validFrom: Scalars['DateTime']['output'];
  validTo: Scalars['DateTime']['output'];
};

export type CertificateTypeInfo = {
  __typename?: 'CertificateTypeInfo';
  /** Catalog code, the value of ApplicationInput.certificateType. */
  code: Scalars['String']['output'];
  documents: Array<DocumentKind>;
  name: Scalars['String']['output'];
  /** Price before IVA, whole Colombian pesos (CERTIFICATE_PRICES_COP). */
  priceCop: Scalars['Int']['output'];
  requiresCompany: Scalars['Boolean']['output'];
  /** What is paid: priceCop + vatCop. */
  totalCop: Scalars['Int']['output'];
  /** IVA on the price (VAT_PERCENT, 19 % by default), whole pesos. */
  vatCop: Scalars['Int']['output'];
};

export type CertificateTypeOption = {
  __typename?: 'CertificateTypeOption';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type ConsoleApplicant = {
  __typename?: 'ConsoleApplicant';
  /** The recorded name (upper case). */
  fullName: Scalars['String']['output'];
  /** Normalized: no dots or spaces; a NIT as base-checkDigit. */
  idNumber: Scalars['String']['output'];
  idType: IdType;
};

export type ConsoleDocument = {
  __typename?: 'ConsoleDocument';
  /** Opaque; the document's address is `url`. */
  id: Scalars['ID']['output'];
  /** Which requirement it answers. */
  kind: DocumentKind;
  /** What the bytes are (sniffed at upload): application/pdf, image/jpeg or image/png. */
  mediaType: Scalars['String']['output'];
  /** SHA-256 of the bytes as stored, hex. */
  sha256: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Int']['output'];
  uploadedAt: Scalars['DateTime']['output'];
  /** GET it with the same credentials (operators only); served inline, sandboxed, never cached. Each view is recorded. */
  url: Scalars['String']['output'];
};

/** A request as an operator sees it. */
export type ConsoleRequest = {
  __typename?: 'ConsoleRequest';
  ageBusinessDays: Scalars['Int']['output'];
  applicant: ConsoleApplicant;
  certificateType: Scalars['String']['output'];
  certificateTypeCode: Scalars['String']['output'];
  company?: Maybe<Scalars['String']['output']>;
  /** The address confirmed when applying: the request's e-mails go there. */
  contactEmail?: Maybe<Scalars['String']['output']>;
  contactPhone?: Maybe<Scalars['String']['output']>;
  documents: Array<ConsoleDocument>;
  dueState?: Maybe<DueState>;
  /** Filing day + 8 business days; null once the request no longer waits. */
  expectedBy?: Maybe<Scalars['Date']['output']>;
  /** Filing day + 5 business days; null once the request no longer waits. */
  expectedFrom?: Maybe<Scalars['Date']['output']>;
  filedAt: Scalars['DateTime']['output'];
  filedOn: Scalars['Date']['output'];
  /** Every move, oldest first; `actor` is the operator's name (or `applicant` for the submission). */
  history: Array<RequestEvent>;
  holderName: Scalars['String']['output'];
  orderNumber: Scalars['String']['output'];
  /** Payments reported for this request that did not match, newest first. */
  paymentDiscrepancies: Array<PaymentDiscrepancy>;
  project?: Maybe<Scalars['String']['output']>;
  requestNumber: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  serialNumber?: Maybe<Scalars['String']['output']>;
  stage: RequestStage;
  status: RequestStatus;
  /** Always five rows: FILING, PAYMENT, APPROVAL, DELIVERY, VALIDITY. */
  steps: Array<RequestStep>;
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  validTo?: Maybe<Scalars['DateTime']['output']>;
};

/** Supporting documents an application may need (PDF, JPEG or PNG). */
export type DocumentKind =
  /** Acto administrativo de nombramiento o posesión. */
  | 'APPOINTMENT_ACT'
  /** Certificado de existencia y representación legal (Cámara de Comercio). */
  | 'CHAMBER_CERTIFICATE'
  /** Documento de identidad del solicitante. */
  | 'ID_DOCUMENT'
  /** Tarjeta profesional. */
  | 'PROFESSIONAL_CARD'
  /** Registro Único Tributario. */
  | 'RUT';

export type DownloadLinkSent = {
  __typename?: 'DownloadLinkSent';
  expiresAt: Scalars['DateTime']['output'];
  requestNumber: Scalars['String']['output'];
};

/**
 * How long a waiting request has waited against the manual's promise (ready 5 to 8 Colombian
 * business days after filing): ON_TIME under 5, DUE from 5 to 8, OVERDUE past 8.
 */
export type DueState =
  | 'DUE'
  | 'ON_TIME'
  | 'OVERDUE';

/** Colombian identity documents accepted for a certificate (minors' TI and RC are not: certificates are not issued to minors). */
export type IdType =
  /** Cédula de Ciudadanía: 3 to 10 digits. */
  | 'CC'
  /** Cédula de Extranjería: 3 to 12 digits. */
  | 'CE'
  /** NIT with its check digit (DIAN's modulo-11), e.g. 900123456-8 or 9001234568. */
  | 'NIT'
  /** Pasaporte: 3 to 20 letters and digits. */
  | 'PA'
  /** Permiso Especial de Permanencia: 5 to 20 digits. */
  | 'PEP'
  /** Permiso por Protección Temporal: 5 to 20 digits. */
  | 'PPT';

/**
 * The certificate issued from the browser's CSR, and the chain above it (issuing CA first), PEM:
 * what the browser puts in the PKCS#12 with its private key.
 */
export type IssuedCertificate = {
  __typename?: 'IssuedCertificate';
  certificate: Scalars['String']['output'];
  chain: Array<Scalars['String']['output']>;
  requestNumber: Scalars['String']['output'];
  /** The request's serial number, lowercase hex: the certificate's serial. */
  serialNumber: Scalars['String']['output'];
};

/** The language of what an applicant reads: Spanish (es-CO, the default) or English. */
export type Language =
  | 'EN'
  | 'ES';

/**
 * Four eyes: a delivery or a revocation proposed by one operator, carried out only when a
 * supervisor other than the proposer approves it.
 */
export type MoveProposal = {
  __typename?: 'MoveProposal';
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['String']['output']>;
  declineReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** deliver or revoke. */
  move: Scalars['String']['output'];
  /** Null while open. */
  outcome?: Maybe<ProposalOutcome>;
  proposedAt: Scalars['DateTime']['output'];
  /** The proposer's name. */
  proposedBy: Scalars['String']['output'];
  /** A revocation's RFC 5280 reason. */
  reason?: Maybe<RevocationReason>;
  requestNumber: Scalars['String']['output'];
};

export type MoveResult = {
  __typename?: 'MoveResult';
  /**
   * The proposal this answer is about: the one deliverCertificate or revokeCertificate opened
   * (the stage has not moved yet), or the one approveProposal or declineProposal decided.
   */
  proposal?: Maybe<MoveProposal>;
  requestNumber: Scalars['String']['output'];
  /** Set when a delivery is carried out (approveProposal of a delivery). */
  serialNumber?: Maybe<Scalars['String']['output']>;
  stage: RequestStage;
};

/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Carries out a proposal, with the decision, in one transaction. Needs the ssps-supervisor role
   * (FORBIDDEN otherwise) and someone other than the proposer (FAILED_PRECONDITION, reason
   * SAME_PERSON); a decided proposal answers FAILED_PRECONDITION, reason PROPOSAL_CLOSED.
   */
  approveProposal: MoveResult;
  approveRequest: MoveResult;
  /**
   * Proves the applicant reads `email`. A wrong code is BAD_USER_INPUT (reason CODE_WRONG, with
   * `attemptsLeft`); an expired one FAILED_PRECONDITION (reason CODE_EXPIRED); the fifth wrong
   * code voids the draft (FAILED_PRECONDITION, reason DRAFT_VOIDED).
   */
  confirmApplicationEmail: ApplicationDraft;
  /**
   * Corrects the recorded name of the request's applicant, the name the lookup shows. The only
   * way that name changes (applications never change it); the history records who, when, the
   * names before and after, and why. The stage does not change.
   */
  correctApplicantName: MoveResult;
  /** Closes a proposal without carrying it out; the same rules as approveProposal. Nothing else changes. */
  declineProposal: MoveResult;
  /**
   * Proposes issuing the certificate (four eyes): the stage does not move until a supervisor
   * other than the proposer approves the proposal (approveProposal), which draws the serial
   * number and the validity dates of its type. One open proposal per request
   * (FAILED_PRECONDITION, reason PROPOSAL_OPEN).
   */
  deliverCertificate: MoveResult;
  /** Documents received and complete: Paso1 done. */
  fileRequest: MoveResult;
  /**
   * Issues the certificate for a PKCS#10 request (PEM or base64 DER) made with a key the browser
   * generated (RSA 2048–4096 or ECDSA P-256), once per link: its subject is ignored, the
   * certificate names the request's holder. A bad CSR answers BAD_USER_INPUT (reason
   * CSR_MALFORMED, CSR_SIGNATURE or KEY_NOT_ALLOWED) and spends nothing.
   */
  issueCertificate: IssuedCertificate;
  /** The reason is what the applicant reads in Información. */
  rejectRequest: MoveResult;
  /**
   * Asks the applicant for corrected or missing documents: an e-mail to the request's confirmed
   * address with a link (valid 7 days) to upload the kinds asked; `reason` is what the applicant
   * reads. Allowed at AWAITING_FILING and AWAITING_PAYMENT; the request waits at
   * AWAITING_CORRECTION until every kind has arrived, then is back at AWAITING_FILING.
   */
  requestCorrection: MoveResult;
  /**
   * Sends a new code to the draft's e-mail (the previous one stops working). At most 3 resends per
   * draft, one a minute (RATE_LIMITED with retryAfterSeconds); wrong codes still count.
   */
  resendApplicationEmailCode: ApplicationDraft;
  /**
   * Sends a delivered request whose certificate was not downloaded a new download link (the
   * earlier one stops working). Operators only.
   */
  resendDownloadLink: DownloadLinkSent;
  /** Proposes revoking the certificate (four eyes), like deliverCertificate. */
  revokeCertificate: MoveResult;
  /**
   * Accepts the terms (their version, when and from where are recorded) and opens a draft,
   * spending one solved CAPTCHA: one per application, not per upload. Sends a 6-digit code to
   * `email` (valid 15 minutes) that confirmApplicationEmail must receive before the draft can be
   * submitted.
   */
  startApplication: ApplicationDraft;
  /**
   * Files the application: the request, its FILING step and its documents are written in one
   * transaction. Refusals are BAD_USER_INPUT with `fields` [{ field, message }]; a draft whose
   * e-mail is not confirmed is FAILED_PRECONDITION (reason EMAIL_UNCONFIRMED). An application never
   * changes what is recorded of a person already known: the lookup keeps showing the recorded
   * name, and the e-mail and phone given belong to this request only.
   */
  submitApplication: SubmittedApplication;
  /**
   * Payment verified, with its invoice number; Paso2 then links to the invoice PDF. `cufe`: the
   * DIAN electronic invoice's CUFE (96 hex characters, a SHA-384), printed on the invoice with its QR code.
   */
  verifyPayment: MoveResult;
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationApproveProposalArgs = {
  id: Scalars['ID']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationApproveRequestArgs = {
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationConfirmApplicationEmailArgs = {
  code: Scalars['String']['input'];
  draftId: Scalars['ID']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationCorrectApplicantNameArgs = {
  fullName: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationDeclineProposalArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationDeliverCertificateArgs = {
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationFileRequestArgs = {
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationIssueCertificateArgs = {
  csr: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationRejectRequestArgs = {
  reason: Scalars['String']['input'];
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationRequestCorrectionArgs = {
  kinds: Array<DocumentKind>;
  reason: Scalars['String']['input'];
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationResendApplicationEmailCodeArgs = {
  draftId: Scalars['ID']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationResendDownloadLinkArgs = {
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationRevokeCertificateArgs = {
  reason: RevocationReason;
  requestNumber: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationStartApplicationArgs = {
  captchaToken: Scalars['String']['input'];
  email: Scalars['String']['input'];
  termsVersion: Scalars['String']['input'];
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationSubmitApplicationArgs = {
  application: ApplicationInput;
  draftId: Scalars['ID']['input'];
  language?: InputMaybe<Language>;
};


/**
 * An operator's moves on a request (API key with the operator role). A move the request's
 * stage does not allow answers FAILED_PRECONDITION and changes nothing.
 */
export type MutationVerifyPaymentArgs = {
  cufe?: InputMaybe<Scalars['String']['input']>;
  invoiceNumber: Scalars['String']['input'];
  requestNumber: Scalars['String']['input'];
};

/** An approved transaction a payment provider reported that an operator must look at (refund, or verify by hand). */
export type PaymentDiscrepancy = {
  __typename?: 'PaymentDiscrepancy';
  /** What was paid, in whole pesos (any cents dropped: Colombian pesos are paid in whole pesos). */
  amountCop: Scalars['Int']['output'];
  /** What the request costs, in pesos; null when the reference names no request. */
  expectedCop?: Maybe<Scalars['Int']['output']>;
  kind: PaymentDiscrepancyKind;
  /** wompi. */
  provider: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
  /** The payment reference as reported. */
  reference: Scalars['String']['output'];
  /** The request the reference names; null when none. */
  requestNumber?: Maybe<Scalars['String']['output']>;
  /** The provider's transaction id. */
  transactionId: Scalars['String']['output'];
};

/** Why a payment a provider reported did not move a request's Paso2. */
export type PaymentDiscrepancyKind =
  /** The amount is not the request's total. */
  | 'AMOUNT_MISMATCH'
  /** The request was not waiting for payment (already paid, rejected…). */
  | 'NOT_AWAITING_PAYMENT'
  /** The reference is no request's order number. */
  | 'UNKNOWN_REFERENCE';

/** What a filed request costs and how to pay it. */
export type PaymentDue = {
  __typename?: 'PaymentDue';
  bankAccount?: Maybe<Scalars['String']['output']>;
  /** The online payment link with this request's reference and amount; null when not offered. */
  link?: Maybe<Scalars['String']['output']>;
  priceCop: Scalars['Int']['output'];
  /** The payment reference: the request's order number (Orden Pedido No.). */
  reference: Scalars['String']['output'];
  totalCop: Scalars['Int']['output'];
  vatCop: Scalars['Int']['output'];
};

/** How to pay a request, before applying: the reference will be the request's order number. */
export type PaymentInstructions = {
  __typename?: 'PaymentInstructions';
  /** Where to deposit or transfer (PAYMENT_BANK_ACCOUNT); null when not offered. */
  bankAccount?: Maybe<Scalars['String']['output']>;
  /** The online payment (PSE) link, with {reference}, {amountInCents} and {amountCop} to substitute (PAYMENT_LINK_TEMPLATE); null when not offered. */
  linkTemplate?: Maybe<Scalars['String']['output']>;
  /** IVA rate applied to every price, in percent. */
  vatPercent: Scalars['Int']['output'];
};

export type ProposalOutcome =
  | 'APPROVED'
  | 'DECLINED';

export type Query = {
  __typename?: 'Query';
  /**
   * A certificate's validity by its serial number: hex in any case, with or without colons
   * or spaces, or decimal. Partners and operators only (API key). Null when unknown.
   */
  certificateBySerial?: Maybe<CertificateStatus>;
  /** A download link's request, if the link still opens (NOT_FOUND, or FAILED_PRECONDITION with reason TOKEN_EXPIRED, TOKEN_USED or NOT_AVAILABLE). */
  certificateDownload: CertificateDownload;
  /**
   * The requests of the person with this identity document. Anonymous callers must send
   * the payload of a solved ALTCHA challenge (GET /captcha/challenge); each payload is good
   * for one lookup. No person or no requests is not an error: `requests` is empty.
   */
  certificateRequests: RequestLookup;
  certificateTypes: Array<CertificateTypeInfo>;
  /**
   * Every operator's actions, newest first: the moves of the history (the applicants' own
   * submissions left out) and the documents opened. `operator` is a name as the history records
   * it; `from` and `to` are Bogotá dates, both included. Operators only.
   */
  consoleActivity: ActivityPage;
  /** The certificate types, for the queue's filter. Operators only. */
  consoleCertificateTypes: Array<CertificateTypeOption>;
  /** Payments providers reported that matched no request waiting for them, newest first (`first` 1 to 100, 20 by default). Operators only. */
  consolePaymentDiscrepancies: Array<PaymentDiscrepancy>;
  /**
   * One stage's requests, oldest filing first. `certificateType` is a type's code; `dueState`
   * applies to waiting stages only. `first` is 1 to 100 (50 by default). Operators only.
   */
  consoleQueue: QueuePage;
  /** How many requests each stage holds (all stages, in the queue's order). Operators only. */
  consoleQueueCounts: Array<QueueStageCount>;
  /** A request's page; NOT_FOUND for a number that names none. Operators only. */
  consoleRequest: ConsoleRequest;
  /**
   * One search box. Text without digits (and not 16 or more hex letters: a serial) is the
   * beginning of a recorded name (a page holds the
   * requests of `first` people, in name order). Text with digits is tried exactly as an ID number
   * of every type it is valid for, a request number, an order number, and a serial number (hex in
   * any case, with or without colons or spaces, or decimal); newest request first. `first` is 1 to
   * 100 (20 by default). Operators only.
   */
  consoleSearch: SearchPage;
  /** The version of the terms an application must accept. */
  currentTerms: Terms;
  /** Open four-eyes proposals, oldest first; of one request when `requestNumber` is given. Operators only. */
  openProposals: Array<MoveProposal>;
  paymentInstructions: PaymentInstructions;
  /** The data a renewal pre-fills, from a reminder's link (NOT_FOUND when the link is unknown or expired). */
  renewalApplication: RenewalApplication;
  /**
   * The detail of one request. `id` is the request's handle: the opaque `id` a lookup returned; an unknown,
   * altered or expired handle answers NOT_FOUND. With LOOKUP_SECOND_FACTOR=order-number the
   * request's `orderNumber` is required too (a wrong one is NOT_FOUND as well).
   */
  requestDetail?: Maybe<RequestDetail>;
  /** The moves made on a request. Operators only. */
  requestHistory: Array<RequestEvent>;
};


export type QueryCertificateBySerialArgs = {
  serial: Scalars['String']['input'];
};


export type QueryCertificateDownloadArgs = {
  token: Scalars['String']['input'];
};


export type QueryCertificateRequestsArgs = {
  captchaToken?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['String']['input'];
  idType: IdType;
};


export type QueryConsoleActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  operator?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryConsolePaymentDiscrepanciesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryConsoleQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  certificateType?: InputMaybe<Scalars['String']['input']>;
  dueState?: InputMaybe<DueState>;
  first?: InputMaybe<Scalars['Int']['input']>;
  stage: QueueStage;
};


export type QueryConsoleQueueCountsArgs = {
  certificateType?: InputMaybe<Scalars['String']['input']>;
};


export type QueryConsoleRequestArgs = {
  requestNumber: Scalars['String']['input'];
};


export type QueryConsoleSearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryOpenProposalsArgs = {
  requestNumber?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRenewalApplicationArgs = {
  token: Scalars['String']['input'];
};


export type QueryRequestDetailArgs = {
  id: Scalars['ID']['input'];
  language?: InputMaybe<Language>;
  orderNumber?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRequestHistoryArgs = {
  requestNumber: Scalars['String']['input'];
};

export type QueueEntry = {
  __typename?: 'QueueEntry';
  /**
   * Colombian business days (weekends and public holidays excluded, Ley Emiliani moves included)
   * after the filing day, up to today; for a request that no longer waits, up to the day it stopped.
   */
  ageBusinessDays: Scalars['Int']['output'];
  applicantName: Scalars['String']['output'];
  /** Display name of the certificate type. */
  certificateType: Scalars['String']['output'];
  company?: Maybe<Scalars['String']['output']>;
  /** Null once the request no longer waits on the authority. */
  dueState?: Maybe<DueState>;
  /** When the request was filed (the applicant's submission): its age counts from this day. */
  filedAt: Scalars['DateTime']['output'];
  filedOn: Scalars['Date']['output'];
  holderName: Scalars['String']['output'];
  orderNumber: Scalars['String']['output'];
  /** A payment provider reported a payment for it that did not match (see ConsoleRequest.paymentDiscrepancies). */
  paymentDiscrepancy: Scalars['Boolean']['output'];
  requestNumber: Scalars['String']['output'];
  /** When it reached its stage. */
  since: Scalars['DateTime']['output'];
  stage: QueueStage;
};

export type QueuePage = {
  __typename?: 'QueuePage';
  items: Array<QueueEntry>;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * A request's place in the operators' queue: its stage (server/lifecycle/machine.ts), except
 * that an expired certificate counts as ISSUED (expiry is the passing of its validity, not a move).
 */
export type QueueStage =
  /** Paso3: to approve. */
  | 'AWAITING_APPROVAL'
  /** Waiting for the applicant to send the documents an operator asked for (a correction). */
  | 'AWAITING_CORRECTION'
  /** Paso4: certificate to deliver. */
  | 'AWAITING_DELIVERY'
  /** Paso1: documents under review. */
  | 'AWAITING_FILING'
  /** Paso2: payment to verify. */
  | 'AWAITING_PAYMENT'
  | 'CANCELLED'
  | 'ISSUED'
  | 'REJECTED'
  | 'REVOKED';

export type QueueStageCount = {
  __typename?: 'QueueStageCount';
  count: Scalars['Int']['output'];
  /** Waiting 5 to 8 business days (waiting stages only; 0 for the others). */
  due: Scalars['Int']['output'];
  /** Waiting more than 8 business days. */
  overdue: Scalars['Int']['output'];
  stage: QueueStage;
};

/**
 * What a renewal starts from: the expiring request's applicant and certificate, as the reminder's
 * link (/solicitud?renovar#<token>) opens them. The application form pre-fills these.
 */
export type RenewalApplication = {
  __typename?: 'RenewalApplication';
  /** Catalog code (ApplicationInput.certificateType). */
  certificateType: Scalars['String']['output'];
  company?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  fullName: Scalars['String']['output'];
  idNumber: Scalars['String']['output'];
  idType: IdType;
  project?: Maybe<Scalars['String']['output']>;
  /** The expiring request. */
  requestNumber: Scalars['String']['output'];
  validTo: Scalars['DateTime']['output'];
};

export type RequestDetail = {
  __typename?: 'RequestDetail';
  /** The filing day plus 8 Colombian business days; null like expectedFrom. */
  expectedBy?: Maybe<Scalars['Date']['output']>;
  /**
   * The manual's "su trámite tarda entre cinco y ocho días hábiles": the filing day plus 5
   * Colombian business days (weekends and public holidays excluded, Ley Emiliani moves included).
   * Null once the request no longer waits on the authority (issued, revoked, rejected or cancelled).
   */
  expectedFrom?: Maybe<Scalars['Date']['output']>;
  /** The moves made on the request; only for operators (null otherwise). */
  history?: Maybe<Array<RequestEvent>>;
  holderName: Scalars['String']['output'];
  /** The request's open four-eyes proposal; only for operators (null otherwise, or when none is open). */
  openProposal?: Maybe<MoveProposal>;
  requestNumber: Scalars['String']['output'];
  /** 16 bytes, lowercase hex; null until the certificate is delivered. */
  serialNumber?: Maybe<Scalars['String']['output']>;
  /** Always five rows: FILING, PAYMENT, APPROVAL, DELIVERY, VALIDITY. */
  steps: Array<RequestStep>;
  /** When the certificate's validity starts; null until it is issued. */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** When the certificate expires; null until it is issued. */
  validTo?: Maybe<Scalars['DateTime']['output']>;
};

export type RequestEvent = {
  __typename?: 'RequestEvent';
  actor: Scalars['String']['output'];
  fromStage: RequestStage;
  move: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  toStage: RequestStage;
};

export type RequestLookup = {
  __typename?: 'RequestLookup';
  /** Null when nobody with that document is registered. */
  applicant?: Maybe<Applicant>;
  /** True when requestDetail needs the request's order number (LOOKUP_SECOND_FACTOR=order-number). */
  detailNeedsOrderNumber: Scalars['Boolean']['output'];
  /** When the requests' handles stop opening a detail (HANDLE_TTL_SECONDS after the lookup); null when there are no requests. */
  handlesExpireAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where a new request starts (the manual's "ingrese Aquí"). */
  newRequestUrl: Scalars['String']['output'];
  requests: Array<CertificateRequestSummary>;
};

/** A request's stage, derived from its status and steps (server/lifecycle/machine.ts). */
export type RequestStage =
  | 'AWAITING_APPROVAL'
  /** The applicant was asked for corrected documents (requestCorrection); back to AWAITING_FILING when all arrive, or when the link expires. */
  | 'AWAITING_CORRECTION'
  | 'AWAITING_DELIVERY'
  | 'AWAITING_FILING'
  | 'AWAITING_PAYMENT'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'ISSUED'
  | 'REJECTED'
  | 'REVOKED';

export type RequestStatus =
  | 'CANCELLED'
  /** Trámite finalizado. */
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'REJECTED';

export type RequestStep = {
  __typename?: 'RequestStep';
  /** The sentence shown to the applicant in "Información", in the language asked for; free text an operator typed (a reason) as typed. */
  information: Scalars['String']['output'];
  invoiceUrl?: Maybe<Scalars['String']['output']>;
  kind: StepKind;
  modifiedOn?: Maybe<Scalars['Date']['output']>;
  state: StepState;
};

/** RFC 5280 §5.3.1 reasons; a revocation is final, so certificateHold and removeFromCRL are not offered. */
export type RevocationReason =
  | 'aACompromise'
  | 'affiliationChanged'
  | 'cACompromise'
  | 'cessationOfOperation'
  | 'keyCompromise'
  | 'privilegeWithdrawn'
  | 'superseded'
  | 'unspecified';

export type SearchHit = {
  __typename?: 'SearchHit';
  applicant: ConsoleApplicant;
  certificateType: Scalars['String']['output'];
  filedOn: Scalars['Date']['output'];
  holderName: Scalars['String']['output'];
  matchedBy: Array<SearchMatch>;
  orderNumber: Scalars['String']['output'];
  requestNumber: Scalars['String']['output'];
  stage?: Maybe<QueueStage>;
};

/** How a search text matched a request. */
export type SearchMatch =
  | 'ID_NUMBER'
  | 'NAME'
  | 'ORDER_NUMBER'
  | 'REQUEST_NUMBER'
  | 'SERIAL_NUMBER';

export type SearchPage = {
  __typename?: 'SearchPage';
  items: Array<SearchHit>;
  nextCursor?: Maybe<Scalars['String']['output']>;
  /** What the text was taken for: NAME, or the exact kinds tried. */
  searchedAs: Array<SearchMatch>;
};

/** The steps of a request, always listed in this order (the manual's Paso1 to Paso4, then Vigencia). */
export type StepKind =
  | 'APPROVAL'
  | 'DELIVERY'
  | 'FILING'
  | 'PAYMENT'
  | 'VALIDITY';

export type StepState =
  /** A step a rejected or cancelled request will never reach (no aplica). */
  | 'CLOSED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'NOT_ISSUED'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VALID';

export type SubmittedApplication = {
  __typename?: 'SubmittedApplication';
  orderNumber: Scalars['String']['output'];
  /** What to pay and how; the same is e-mailed to the confirmed address. */
  payment: PaymentDue;
  requestNumber: Scalars['String']['output'];
};

export type Terms = {
  __typename?: 'Terms';
  version: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivityEntry: ResolverTypeWrapper<ActivityEntry>;
  ActivityKind: ActivityKind;
  ActivityPage: ResolverTypeWrapper<ActivityPage>;
  Applicant: ResolverTypeWrapper<Applicant>;
  ApplicationDraft: ResolverTypeWrapper<ApplicationDraft>;
  ApplicationInput: ApplicationInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CertificateDownload: ResolverTypeWrapper<CertificateDownload>;
  CertificateRequestSummary: ResolverTypeWrapper<CertificateRequestSummary>;
  CertificateState: CertificateState;
  CertificateStatus: ResolverTypeWrapper<CertificateStatus>;
  CertificateTypeInfo: ResolverTypeWrapper<CertificateTypeInfo>;
  CertificateTypeOption: ResolverTypeWrapper<CertificateTypeOption>;
  ConsoleApplicant: ResolverTypeWrapper<ConsoleApplicant>;
  ConsoleDocument: ResolverTypeWrapper<ConsoleDocument>;
  ConsoleRequest: ResolverTypeWrapper<Omit<ConsoleRequest, 'history'> & { history: Array<ResolversTypes['RequestEvent']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DocumentKind: DocumentKind;
  DownloadLinkSent: ResolverTypeWrapper<DownloadLinkSent>;
  DueState: DueState;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdType: IdType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssuedCertificate: ResolverTypeWrapper<IssuedCertificate>;
  Language: Language;
  MoveProposal: ResolverTypeWrapper<ProposalView>;
  MoveResult: ResolverTypeWrapper<Omit<MoveResult, 'proposal'> & { proposal?: Maybe<ResolversTypes['MoveProposal']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PaymentDiscrepancy: ResolverTypeWrapper<PaymentDiscrepancy>;
  PaymentDiscrepancyKind: PaymentDiscrepancyKind;
  PaymentDue: ResolverTypeWrapper<PaymentDue>;
  PaymentInstructions: ResolverTypeWrapper<PaymentInstructions>;
  ProposalOutcome: ProposalOutcome;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueueEntry: ResolverTypeWrapper<QueueEntry>;
  QueuePage: ResolverTypeWrapper<QueuePage>;
  QueueStage: QueueStage;
  QueueStageCount: ResolverTypeWrapper<QueueStageCount>;
  RenewalApplication: ResolverTypeWrapper<RenewalApplication>;
  RequestDetail: ResolverTypeWrapper<Omit<RequestDetail, 'history' | 'openProposal'> & { history?: Maybe<Array<ResolversTypes['RequestEvent']>>, openProposal?: Maybe<ResolversTypes['MoveProposal']> }>;
  RequestEvent: ResolverTypeWrapper<RequestEventRow>;
  RequestLookup: ResolverTypeWrapper<RequestLookup>;
  RequestStage: RequestStage;
  RequestStatus: RequestStatus;
  RequestStep: ResolverTypeWrapper<RequestStep>;
  RevocationReason: RevocationReason;
  SearchHit: ResolverTypeWrapper<SearchHit>;
  SearchMatch: SearchMatch;
  SearchPage: ResolverTypeWrapper<SearchPage>;
  StepKind: StepKind;
  StepState: StepState;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubmittedApplication: ResolverTypeWrapper<SubmittedApplication>;
  Terms: ResolverTypeWrapper<Terms>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActivityEntry: ActivityEntry;
  ActivityPage: ActivityPage;
  Applicant: Applicant;
  ApplicationDraft: ApplicationDraft;
  ApplicationInput: ApplicationInput;
  Boolean: Scalars['Boolean']['output'];
  CertificateDownload: CertificateDownload;
  CertificateRequestSummary: CertificateRequestSummary;
  CertificateStatus: CertificateStatus;
  CertificateTypeInfo: CertificateTypeInfo;
  CertificateTypeOption: CertificateTypeOption;
  ConsoleApplicant: ConsoleApplicant;
  ConsoleDocument: ConsoleDocument;
  ConsoleRequest: Omit<ConsoleRequest, 'history'> & { history: Array<ResolversParentTypes['RequestEvent']> };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DownloadLinkSent: DownloadLinkSent;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IssuedCertificate: IssuedCertificate;
  MoveProposal: ProposalView;
  MoveResult: Omit<MoveResult, 'proposal'> & { proposal?: Maybe<ResolversParentTypes['MoveProposal']> };
  Mutation: Record<PropertyKey, never>;
  PaymentDiscrepancy: PaymentDiscrepancy;
  PaymentDue: PaymentDue;
  PaymentInstructions: PaymentInstructions;
  Query: Record<PropertyKey, never>;
  QueueEntry: QueueEntry;
  QueuePage: QueuePage;
  QueueStageCount: QueueStageCount;
  RenewalApplication: RenewalApplication;
  RequestDetail: Omit<RequestDetail, 'history' | 'openProposal'> & { history?: Maybe<Array<ResolversParentTypes['RequestEvent']>>, openProposal?: Maybe<ResolversParentTypes['MoveProposal']> };
  RequestEvent: RequestEventRow;
  RequestLookup: RequestLookup;
  RequestStep: RequestStep;
  SearchHit: SearchHit;
  SearchPage: SearchPage;
  String: Scalars['String']['output'];
  SubmittedApplication: SubmittedApplication;
  Terms: Terms;
};

export type ActivityEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivityEntry'] = ResolversParentTypes['ActivityEntry']> = {
  documentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  documentKind?: Resolver<Maybe<ResolversTypes['DocumentKind']>, ParentType, ContextType>;
  fromStage?: Resolver<Maybe<ResolversTypes['RequestStage']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActivityKind'], ParentType, ContextType>;
  move?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toStage?: Resolver<Maybe<ResolversTypes['RequestStage']>, ParentType, ContextType>;
};

export type ActivityPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivityPage'] = ResolversParentTypes['ActivityPage']> = {
  items?: Resolver<Array<ResolversTypes['ActivityEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApplicantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = {
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idType?: Resolver<ResolversTypes['IdType'], ParentType, ContextType>;
};

export type ApplicationDraftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplicationDraft'] = ResolversParentTypes['ApplicationDraft']> = {
  codeExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailConfirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  termsVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CertificateDownloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateDownload'] = ResolversParentTypes['CertificateDownload']> = {
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CertificateRequestSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateRequestSummary'] = ResolversParentTypes['CertificateRequestSummary']> = {
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RequestStatus'], ParentType, ContextType>;
};

export type CertificateStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateStatus'] = ResolversParentTypes['CertificateStatus']> = {
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revocationReason?: Resolver<Maybe<ResolversTypes['RevocationReason']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  serialNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['CertificateState'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CertificateTypeInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateTypeInfo'] = ResolversParentTypes['CertificateTypeInfo']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['DocumentKind']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requiresCompany?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vatCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CertificateTypeOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateTypeOption'] = ResolversParentTypes['CertificateTypeOption']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConsoleApplicantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsoleApplicant'] = ResolversParentTypes['ConsoleApplicant']> = {
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idType?: Resolver<ResolversTypes['IdType'], ParentType, ContextType>;
};

export type ConsoleDocumentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsoleDocument'] = ResolversParentTypes['ConsoleDocument']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConsoleRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsoleRequest'] = ResolversParentTypes['ConsoleRequest']> = {
  ageBusinessDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applicant?: Resolver<ResolversTypes['ConsoleApplicant'], ParentType, ContextType>;
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certificateTypeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['ConsoleDocument']>, ParentType, ContextType>;
  dueState?: Resolver<Maybe<ResolversTypes['DueState']>, ParentType, ContextType>;
  expectedBy?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  expectedFrom?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  filedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['RequestEvent']>, ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentDiscrepancies?: Resolver<Array<ResolversTypes['PaymentDiscrepancy']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  serialNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RequestStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RequestStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RequestStep']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DownloadLinkSentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DownloadLinkSent'] = ResolversParentTypes['DownloadLinkSent']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IssuedCertificateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssuedCertificate'] = ResolversParentTypes['IssuedCertificate']> = {
  certificate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  chain?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serialNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoveProposalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MoveProposal'] = ResolversParentTypes['MoveProposal']> = {
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  move?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ProposalOutcome']>, ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  proposedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['RevocationReason']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoveResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MoveResult'] = ResolversParentTypes['MoveResult']> = {
  proposal?: Resolver<Maybe<ResolversTypes['MoveProposal']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serialNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RequestStage'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  approveProposal?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationApproveProposalArgs, 'id'>>;
  approveRequest?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationApproveRequestArgs, 'requestNumber'>>;
  confirmApplicationEmail?: Resolver<ResolversTypes['ApplicationDraft'], ParentType, ContextType, RequireFields<MutationConfirmApplicationEmailArgs, 'code' | 'draftId'>>;
  correctApplicantName?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationCorrectApplicantNameArgs, 'fullName' | 'reason' | 'requestNumber'>>;
  declineProposal?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationDeclineProposalArgs, 'id' | 'reason'>>;
  deliverCertificate?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationDeliverCertificateArgs, 'requestNumber'>>;
  fileRequest?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationFileRequestArgs, 'requestNumber'>>;
  issueCertificate?: Resolver<ResolversTypes['IssuedCertificate'], ParentType, ContextType, RequireFields<MutationIssueCertificateArgs, 'csr' | 'token'>>;
  rejectRequest?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationRejectRequestArgs, 'reason' | 'requestNumber'>>;
  requestCorrection?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationRequestCorrectionArgs, 'kinds' | 'reason' | 'requestNumber'>>;
  resendApplicationEmailCode?: Resolver<ResolversTypes['ApplicationDraft'], ParentType, ContextType, RequireFields<MutationResendApplicationEmailCodeArgs, 'draftId'>>;
  resendDownloadLink?: Resolver<ResolversTypes['DownloadLinkSent'], ParentType, ContextType, RequireFields<MutationResendDownloadLinkArgs, 'requestNumber'>>;
  revokeCertificate?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationRevokeCertificateArgs, 'reason' | 'requestNumber'>>;
  startApplication?: Resolver<ResolversTypes['ApplicationDraft'], ParentType, ContextType, RequireFields<MutationStartApplicationArgs, 'captchaToken' | 'email' | 'termsVersion'>>;
  submitApplication?: Resolver<ResolversTypes['SubmittedApplication'], ParentType, ContextType, RequireFields<MutationSubmitApplicationArgs, 'application' | 'draftId' | 'language'>>;
  verifyPayment?: Resolver<ResolversTypes['MoveResult'], ParentType, ContextType, RequireFields<MutationVerifyPaymentArgs, 'invoiceNumber' | 'requestNumber'>>;
};

export type PaymentDiscrepancyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PaymentDiscrepancy'] = ResolversParentTypes['PaymentDiscrepancy']> = {
  amountCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expectedCop?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PaymentDiscrepancyKind'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PaymentDueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PaymentDue'] = ResolversParentTypes['PaymentDue']> = {
  bankAccount?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priceCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vatCop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PaymentInstructionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PaymentInstructions'] = ResolversParentTypes['PaymentInstructions']> = {
  bankAccount?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  linkTemplate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vatPercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  certificateBySerial?: Resolver<Maybe<ResolversTypes['CertificateStatus']>, ParentType, ContextType, RequireFields<QueryCertificateBySerialArgs, 'serial'>>;
  certificateDownload?: Resolver<ResolversTypes['CertificateDownload'], ParentType, ContextType, RequireFields<QueryCertificateDownloadArgs, 'token'>>;
  certificateRequests?: Resolver<ResolversTypes['RequestLookup'], ParentType, ContextType, RequireFields<QueryCertificateRequestsArgs, 'idNumber' | 'idType'>>;
  certificateTypes?: Resolver<Array<ResolversTypes['CertificateTypeInfo']>, ParentType, ContextType>;
  consoleActivity?: Resolver<ResolversTypes['ActivityPage'], ParentType, ContextType, Partial<QueryConsoleActivityArgs>>;
  consoleCertificateTypes?: Resolver<Array<ResolversTypes['CertificateTypeOption']>, ParentType, ContextType>;
  consolePaymentDiscrepancies?: Resolver<Array<ResolversTypes['PaymentDiscrepancy']>, ParentType, ContextType, Partial<QueryConsolePaymentDiscrepanciesArgs>>;
  consoleQueue?: Resolver<ResolversTypes['QueuePage'], ParentType, ContextType, RequireFields<QueryConsoleQueueArgs, 'stage'>>;
  consoleQueueCounts?: Resolver<Array<ResolversTypes['QueueStageCount']>, ParentType, ContextType, Partial<QueryConsoleQueueCountsArgs>>;
  consoleRequest?: Resolver<ResolversTypes['ConsoleRequest'], ParentType, ContextType, RequireFields<QueryConsoleRequestArgs, 'requestNumber'>>;
  consoleSearch?: Resolver<ResolversTypes['SearchPage'], ParentType, ContextType, RequireFields<QueryConsoleSearchArgs, 'text'>>;
  currentTerms?: Resolver<ResolversTypes['Terms'], ParentType, ContextType>;
  openProposals?: Resolver<Array<ResolversTypes['MoveProposal']>, ParentType, ContextType, Partial<QueryOpenProposalsArgs>>;
  paymentInstructions?: Resolver<ResolversTypes['PaymentInstructions'], ParentType, ContextType>;
  renewalApplication?: Resolver<ResolversTypes['RenewalApplication'], ParentType, ContextType, RequireFields<QueryRenewalApplicationArgs, 'token'>>;
  requestDetail?: Resolver<Maybe<ResolversTypes['RequestDetail']>, ParentType, ContextType, RequireFields<QueryRequestDetailArgs, 'id' | 'language'>>;
  requestHistory?: Resolver<Array<ResolversTypes['RequestEvent']>, ParentType, ContextType, RequireFields<QueryRequestHistoryArgs, 'requestNumber'>>;
};

export type QueueEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueueEntry'] = ResolversParentTypes['QueueEntry']> = {
  ageBusinessDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applicantName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueState?: Resolver<Maybe<ResolversTypes['DueState']>, ParentType, ContextType>;
  filedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentDiscrepancy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['QueueStage'], ParentType, ContextType>;
};

export type QueuePageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueuePage'] = ResolversParentTypes['QueuePage']> = {
  items?: Resolver<Array<ResolversTypes['QueueEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueueStageCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueueStageCount'] = ResolversParentTypes['QueueStageCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  due?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['QueueStage'], ParentType, ContextType>;
};

export type RenewalApplicationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RenewalApplication'] = ResolversParentTypes['RenewalApplication']> = {
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idType?: Resolver<ResolversTypes['IdType'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RequestDetailResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestDetail'] = ResolversParentTypes['RequestDetail']> = {
  expectedBy?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  expectedFrom?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<Maybe<Array<ResolversTypes['RequestEvent']>>, ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openProposal?: Resolver<Maybe<ResolversTypes['MoveProposal']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serialNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RequestStep']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type RequestEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestEvent'] = ResolversParentTypes['RequestEvent']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStage?: Resolver<ResolversTypes['RequestStage'], ParentType, ContextType>;
  move?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStage?: Resolver<ResolversTypes['RequestStage'], ParentType, ContextType>;
};

export type RequestLookupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestLookup'] = ResolversParentTypes['RequestLookup']> = {
  applicant?: Resolver<Maybe<ResolversTypes['Applicant']>, ParentType, ContextType>;
  detailNeedsOrderNumber?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  handlesExpireAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  newRequestUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requests?: Resolver<Array<ResolversTypes['CertificateRequestSummary']>, ParentType, ContextType>;
};

export type RequestStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestStep'] = ResolversParentTypes['RequestStep']> = {
  information?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StepKind'], ParentType, ContextType>;
  modifiedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['StepState'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  applicant?: Resolver<ResolversTypes['ConsoleApplicant'], ParentType, ContextType>;
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedBy?: Resolver<Array<ResolversTypes['SearchMatch']>, ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['QueueStage']>, ParentType, ContextType>;
};

export type SearchPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchPage'] = ResolversParentTypes['SearchPage']> = {
  items?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  searchedAs?: Resolver<Array<ResolversTypes['SearchMatch']>, ParentType, ContextType>;
};

export type SubmittedApplicationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SubmittedApplication'] = ResolversParentTypes['SubmittedApplication']> = {
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['PaymentDue'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TermsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Terms'] = ResolversParentTypes['Terms']> = {
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  ActivityEntry?: ActivityEntryResolvers<ContextType>;
  ActivityPage?: ActivityPageResolvers<ContextType>;
  Applicant?: ApplicantResolvers<ContextType>;
  ApplicationDraft?: ApplicationDraftResolvers<ContextType>;
  CertificateDownload?: CertificateDownloadResolvers<ContextType>;
  CertificateRequestSummary?: CertificateRequestSummaryResolvers<ContextType>;
  CertificateStatus?: CertificateStatusResolvers<ContextType>;
  CertificateTypeInfo?: CertificateTypeInfoResolvers<ContextType>;
  CertificateTypeOption?: CertificateTypeOptionResolvers<ContextType>;
  ConsoleApplicant?: ConsoleApplicantResolvers<ContextType>;
  ConsoleDocument?: ConsoleDocumentResolvers<ContextType>;
  ConsoleRequest?: ConsoleRequestResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DownloadLinkSent?: DownloadLinkSentResolvers<ContextType>;
  IssuedCertificate?: IssuedCertificateResolvers<ContextType>;
  MoveProposal?: MoveProposalResolvers<ContextType>;
  MoveResult?: MoveResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PaymentDiscrepancy?: PaymentDiscrepancyResolvers<ContextType>;
  PaymentDue?: PaymentDueResolvers<ContextType>;
  PaymentInstructions?: PaymentInstructionsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueueEntry?: QueueEntryResolvers<ContextType>;
  QueuePage?: QueuePageResolvers<ContextType>;
  QueueStageCount?: QueueStageCountResolvers<ContextType>;
  RenewalApplication?: RenewalApplicationResolvers<ContextType>;
  RequestDetail?: RequestDetailResolvers<ContextType>;
  RequestEvent?: RequestEventResolvers<ContextType>;
  RequestLookup?: RequestLookupResolvers<ContextType>;
  RequestStep?: RequestStepResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchPage?: SearchPageResolvers<ContextType>;
  SubmittedApplication?: SubmittedApplicationResolvers<ContextType>;
  Terms?: TermsResolvers<ContextType>;
};

