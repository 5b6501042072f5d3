import { Applicant } from './Applicant.js';
import { ApplicationDraft } from './ApplicationDraft.js';
import { CertificateRequest } from './CertificateRequest.js';
import { CertificateType } from './CertificateType.js';
import { ConsoleSession } from './ConsoleSession.js';
import { RequestStep } from './RequestStep.js';
import { Invoice } from './Invoice.js';
import { JobLease } from './JobLease.js';
import { LookupAudit } from './LookupAudit.js';
import { NotificationOutbox } from './NotificationOutbox.js';
import { NotificationHtml } from './NotificationHtml.js';
import { NumberSequence } from './NumberSequence.js';
import { Partner } from './Partner.js';
import { RateLimitCounter } from './RateLimitCounter.js';
import { RequestDocument } from './RequestDocument.js';
import { RequestEvent } from './RequestEvent.js';
import { UsedCaptcha } from './UsedCaptcha.js';
import { MoveProposal } from './MoveProposal.js';
import { CorrectionRequest } from './CorrectionRequest.js';
import { RequestQueue } from './RequestQueue.js';
import { DocumentView } from './DocumentView.js';
import { PaymentEvent } from './PaymentEvent.js';
import { CertificateDownload } from './CertificateDownload.js';
import { IssuedCertificate } from './IssuedCertificate.js';
import { ExpiryReminder } from './ExpiryReminder.js';

export { Applicant, ApplicationDraft, RequestDocument, CertificateRequest, CertificateType, ConsoleSession, Invoice, JobLease, LookupAudit, NotificationOutbox, NotificationHtml, NumberSequence, Partner, RateLimitCounter, RequestEvent, RequestStep, UsedCaptcha, MoveProposal, CorrectionRequest, RequestQueue, DocumentView, PaymentEvent, CertificateDownload, IssuedCertificate, ExpiryReminder };
export { AUDIT_KINDS, type AuditKind } from './LookupAudit.js';
export { PARTNER_ROLES, type PartnerRole } from './Partner.js';
export { PROPOSAL_OUTCOMES, type ProposalOutcome } from './MoveProposal.js';
export { PAYMENT_OUTCOMES, type PaymentOutcome } from './PaymentEvent.js';
export * from './domain.js';

export const entities = [
  Applicant,
  CertificateType,
  CertificateRequest,
  RequestStep,
  UsedCaptcha,
  Partner,
  LookupAudit,
  RateLimitCounter,
  RequestEvent,
  Invoice,
  NotificationOutbox,
  NotificationHtml,
  ApplicationDraft,
  RequestDocument,
  NumberSequence,
  JobLease,
  ConsoleSession,
  MoveProposal,
  CorrectionRequest,
  RequestQueue,
  DocumentView,
  PaymentEvent,
  CertificateDownload,
  IssuedCertificate,
  ExpiryReminder,
];
