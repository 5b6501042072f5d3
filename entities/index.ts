import { Applicant } from './Applicant.js';
import { CertificateRequest } from './CertificateRequest.js';
import { CertificateType } from './CertificateType.js';
import { RequestStep } from './RequestStep.js';
import { LookupAudit } from './LookupAudit.js';
import { Partner } from './Partner.js';
import { RateLimitCounter } from './RateLimitCounter.js';
import { UsedCaptcha } from './UsedCaptcha.js';

export { Applicant, CertificateRequest, CertificateType, LookupAudit, Partner, RateLimitCounter, RequestStep, UsedCaptcha };
export { AUDIT_KINDS, type AuditKind } from './LookupAudit.js';
export { PARTNER_ROLES, type PartnerRole } from './Partner.js';
export * from './domain.js';

export const entities = [Applicant, CertificateType, CertificateRequest, RequestStep, UsedCaptcha, Partner, LookupAudit, RateLimitCounter];
