import { Applicant } from './Applicant.js';
import { ApplicationDraft } from './ApplicationDraft.js';
import { CertificateRequest } from './CertificateRequest.js';
import { CertificateType } from './CertificateType.js';
import { RequestStep } from './RequestStep.js';
import { Invoice } from './Invoice.js';
import { LookupAudit } from './LookupAudit.js';
import { NotificationOutbox } from './NotificationOutbox.js';
import { Partner } from './Partner.js';
import { RateLimitCounter } from './RateLimitCounter.js';
import { RequestDocument } from './RequestDocument.js';
import { RequestEvent } from './RequestEvent.js';
import { UsedCaptcha } from './UsedCaptcha.js';
import { RequestQueue } from './RequestQueue.js';
import { DocumentView } from './DocumentView.js';

export { Applicant, ApplicationDraft, RequestDocument, CertificateRequest, CertificateType, Invoice, LookupAudit, NotificationOutbox, Partner, RateLimitCounter, RequestEvent, RequestStep, UsedCaptcha, RequestQueue, DocumentView };
export { AUDIT_KINDS, type AuditKind } from './LookupAudit.js';
export { PARTNER_ROLES, type PartnerRole } from './Partner.js';
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
  ApplicationDraft,
  RequestDocument,
  RequestQueue,
  DocumentView,
];
