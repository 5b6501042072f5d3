import { Applicant } from './Applicant.js';
import { CertificateRequest } from './CertificateRequest.js';
import { CertificateType } from './CertificateType.js';
import { RequestStep } from './RequestStep.js';
import { UsedCaptcha } from './UsedCaptcha.js';

export { Applicant, CertificateRequest, CertificateType, RequestStep, UsedCaptcha };
export * from './domain.js';

export const entities = [Applicant, CertificateType, CertificateRequest, RequestStep, UsedCaptcha];
