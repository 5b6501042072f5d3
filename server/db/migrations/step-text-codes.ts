import type { QueryRunner } from 'typeorm';

/**
 * The step sentences as the release that introduced text codes wrote them, frozen here: a
 * migration must do the same thing whenever it runs, whatever step-texts.ts says later.
 */
const SENTENCES: Record<string, string> = {
  filed: 'Su solicitud fue radicada con éxito.',
  filingReview: 'Sus documentos fueron recibidos y están en revisión.',
  paid: 'Su pago fue verificado con éxito.',
  paymentReview: 'Estamos verificando su pago.',
  approved: 'Su solicitud fue aprobada con éxito.',
  approvalReview: 'Su solicitud está en proceso de aprobación.',
  delivered: 'Su certificado de firma digital fue descargado con éxito',
  deliveryReady: 'Su certificado de firma digital está listo para descarga.',
  valid: 'Su certificado de firma digital se encuentra vigente.',
  revoked: 'Su certificado de firma digital ha sido revocado.',
  rejected: 'Su solicitud fue rechazada: {reason}',
  correctionAsked: 'Le pedimos enviar de nuevo algunos documentos: {reason}. Revise su correo electrónico.',
  cancelledUnpaid: 'Su solicitud fue cancelada porque no se recibió el pago en el plazo establecido.',
  pendingFiling: 'Su solicitud está pendiente de radicación.',
  pendingPayment: 'Su pago está pendiente de verificación.',
  pendingApproval: 'Su solicitud está pendiente de aprobación.',
  pendingDelivery: 'Su certificado de firma digital está pendiente de entrega.',
};

const PATTERNS = Object.entries(SENTENCES).map(([code, sentence]) => {
  const names: string[] = [];
  const source = sentence
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '([\\s\\S]+?)';
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

const BATCH = 500;

/**
 * Gives each stored step whose sentence is a known one its code and parameters (a rejection's
 * reason, as typed), so it reads in English too; any other text keeps no code and is shown as stored.
 */
export async function codeStoredStepTexts(queryRunner: QueryRunner): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: { id: number; information: string }[] = await queryRunner.query(
      `SELECT id, information FROM request_step WHERE id > ? AND text_code IS NULL ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      for (const { code, names, pattern } of PATTERNS) {
        const match = pattern.exec(row.information);
        if (!match) continue;
        const params = names.length ? JSON.stringify(Object.fromEntries(names.map((n, i) => [n, match[i + 1]]))) : null;
        await queryRunner.query('UPDATE request_step SET text_code = ?, text_params = ? WHERE id = ?', [code, params, row.id]);
        break;
      }
    }
    after = Number(rows[rows.length - 1].id);
  }
}
