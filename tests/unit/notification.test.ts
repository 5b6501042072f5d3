import { describe, expect, it } from 'vitest';
import { requestNotification, type RequestEvent } from '../../server/lifecycle/notification.js';
import { stepSentence, stepTextOf, STEP_TEXT, type StepTextCode } from '../../server/lifecycle/step-texts.js';

const TO = { requestNumber: '512008', orderNumber: '511957', publicUrl: 'https://ssps.example' };

// Each move's e-mail: its subject says what happened, in the applicant's language, with both numbers.
const SUBJECTS: [RequestEvent, string, string][] = [
  [{ kind: 'filed' }, 'Solicitud 512008 radicada (orden de pedido 511957)', 'Request 512008 filed (order 511957)'],
  [{ kind: 'paid' }, 'Solicitud 512008: pago verificado (orden de pedido 511957)', 'Request 512008: payment verified (order 511957)'],
  [{ kind: 'approved' }, 'Solicitud 512008 aprobada (orden de pedido 511957)', 'Request 512008 approved (order 511957)'],
  [{ kind: 'rejected', reason: 'x' }, 'Solicitud 512008 rechazada (orden de pedido 511957)', 'Request 512008 rejected (order 511957)'],
  [{ kind: 'deliveryReady' }, 'Solicitud 512008: certificado listo para descarga (orden de pedido 511957)', 'Request 512008: certificate ready for download (order 511957)'],
  [{ kind: 'revoked' }, 'Solicitud 512008: certificado revocado (orden de pedido 511957)', 'Request 512008: certificate revoked (order 511957)'],
  [
    { kind: 'expiring', validTo: new Date('2027-01-15T17:00:00Z'), renewalUrl: 'https://ssps.example/solicitud?renovar=1' },
    'Solicitud 512008: su certificado está por vencer (orden de pedido 511957)',
    'Request 512008: your certificate is about to expire (order 511957)',
  ],
];

describe('the applicant\'s e-mails', () => {
  it.each(SUBJECTS)('%o: a subject in Spanish and in English, text and HTML, the lookup linked', (event, es, en) => {
    for (const [language, subject] of [['es', es], ['en', en]] as const) {
      const mail = requestNotification(event, { ...TO, language });
      expect(mail.subject).toBe(subject);
      expect(mail.body).toContain('https://ssps.example/consulta');
      expect(mail.html).toContain('<a href="https://ssps.example/consulta">');
      expect(mail.html).toContain(`<html lang="${language === 'es' ? 'es-CO' : 'en'}">`);
    }
  });

  it('carries what a step adds: how to pay, the invoice, the download link, the renewal link', () => {
    const payment = { priceCop: 100_000, vatCop: 19_000, totalCop: 119_000, reference: '511957', bankAccount: 'Banco Ejemplo, cuenta de ahorros 123', link: 'https://pagos.example/pse?ref=511957' };
    const filed = requestNotification({ kind: 'filed', payment }, { ...TO, language: 'es' });
    expect(filed.body.replace(/\u00a0/g, ' ')).toContain(
      'Cómo pagar\n\n- Valor a pagar: $ 119.000 (subtotal $ 100.000 + IVA $ 19.000)\n- Referencia de pago: 511957 (su número de orden de pedido)\n- Consignación o transferencia: Banco Ejemplo, cuenta de ahorros 123, indicando la referencia',
    );
    expect(filed.html).toContain('<a href="https://pagos.example/pse?ref=511957">Pagar en línea (PSE)</a>');
    expect(requestNotification({ kind: 'filed', payment }, { ...TO, language: 'en' }).body).toContain('Payment reference: 511957 (your order number)');
    expect(requestNotification({ kind: 'paid', invoiceUrl: 'https://ssps.example/invoices/abc' }, { ...TO, language: 'en' }).html).toContain('<a href="https://ssps.example/invoices/abc">Download the invoice</a>');
    const ready = requestNotification({ kind: 'deliveryReady', downloadUrl: 'https://ssps.example/descarga#t', downloadExpiresAt: new Date('2026-12-03T17:00:00Z') }, { ...TO, language: 'es' });
    expect(ready.body).toContain('válido hasta el 03/12/2026');
    expect(ready.html).toContain('<a href="https://ssps.example/descarga#t">Descargar mi certificado</a>');
    const expiring = requestNotification({ kind: 'expiring', validTo: new Date('2027-01-15T17:00:00Z'), renewalUrl: 'https://ssps.example/solicitud?renovar=1' }, { ...TO, language: 'en' });
    expect(expiring.body).toContain('expires on 15/01/2027');
    expect(expiring.html).toContain('<a href="https://ssps.example/solicitud?renovar=1">Renew my certificate</a>');
  });

  it('escapes what an operator typed, and never makes a link of anything but http(s)', () => {
    const mail = requestNotification({ kind: 'rejected', reason: '<script>alert(1)</script> & "más"' }, { ...TO, language: 'es' });
    expect(mail.body).toContain('Motivo: <script>alert(1)</script> & "más"');
    expect(mail.html).toContain('Motivo: &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;más&#34;');
    expect(mail.html).not.toContain('<script>');
    const odd = requestNotification({ kind: 'paid', invoiceUrl: 'javascript:alert(1)' }, { ...TO, language: 'es' });
    expect(odd.html).not.toContain('href="javascript:');
  });

  it('names documents in words, never by their codes', () => {
    const mail = requestNotification({ kind: 'correction', correction: { kinds: ['ID_DOCUMENT', 'RUT'], reason: 'ilegible', link: 'https://ssps.example/solicitud/correccion#t', expiresAt: new Date('2026-12-03T17:00:00Z') } }, { ...TO, language: 'en' });
    expect(mail.body).toContain('- Identity document\n- Tax registration (RUT)');
    expect(`${mail.body}${mail.html}`).not.toMatch(/ID_DOCUMENT|\bRUT\b(?!\))/);
  });
});

describe('step sentences as codes', () => {
  it('reads every sentence back from its Spanish text, with its parameters', () => {
    for (const code of Object.keys(STEP_TEXT) as StepTextCode[]) {
      const params = STEP_TEXT[code].includes('{reason}') ? { reason: 'la copia no se lee' } : undefined;
      expect(stepTextOf(stepSentence({ code, params }, 'es'))).toEqual(params ? { code, params } : { code });
      expect(stepSentence({ code, params }, 'en')).not.toBe(stepSentence({ code, params }, 'es'));
    }
    expect(stepTextOf('Texto escrito a mano.')).toBeNull();
  });
});
