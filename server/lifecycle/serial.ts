import { CertificateRequest } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import type { RevocationReason } from './machine.js';

export interface CertificateStatusView {
  serialNumber: string;
  requestNumber: string;
  state: 'VALID' | 'REVOKED' | 'EXPIRED';
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
}

/**
 * The stored forms a serial written by a relying party may stand for: hex in any case, with
 * colons or spaces (3B:00:CD…), or decimal (what some tools print). Digits alone can be
 * either, so both readings are tried.
 */
export function serialCandidates(input: string): string[] {
  const compact = input.trim().replace(/[\s:]/g, '').toLowerCase();
  if (compact.length === 0 || compact.length > 64) return [];
  const candidates = new Set<string>();
  const hex = compact.replace(/^0x/, '');
  if (/^[0-9a-f]+$/.test(hex) && hex.length <= 32) candidates.add(hex.padStart(32, '0'));
  if (/^[0-9]+$/.test(compact)) {
    const value = BigInt(compact);
    if (value < 1n << 128n) candidates.add(value.toString(16).padStart(32, '0'));
  }
  return [...candidates];
}

export interface FoundCertificate {
  status: CertificateStatusView;
  requestId: number;
  /** Whose certificate it is, for the audit. */
  holder: { idType: string; idNumber: string };
}

export async function certificateBySerial(db: Database, input: string, now = new Date()): Promise<FoundCertificate | null> {
  const candidates = serialCandidates(input);
  if (candidates.length === 0) return null;
  const request = await db.run((ds) =>
    ds
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.applicant', 'a')
      .where('r.serial_number IN (:...candidates)', { candidates })
      .getOne(),
  );
  if (!request?.serialNumber || !request.validFrom || !request.validTo) return null;
  const state = request.revokedAt ? 'REVOKED' : request.validTo.getTime() <= now.getTime() ? 'EXPIRED' : 'VALID';
  return {
    status: {
      serialNumber: request.serialNumber,
      requestNumber: String(request.requestNumber),
      state,
      validFrom: request.validFrom,
      validTo: request.validTo,
      revokedAt: request.revokedAt,
      revocationReason: request.revocationReason as RevocationReason | null,
    },
    requestId: request.id,
    holder: { idType: request.applicant.idType, idNumber: request.applicant.idNumber },
  };
}
