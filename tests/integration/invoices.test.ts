import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvoiceLinks } from '../../server/lifecycle/invoice.js';
import { cufeUrl } from '../../server/payments/cufe.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { pdfText } from '../support/pdf-text.js';
import { serverFor, TEST_SECRET, type StartedServer } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id requestNumber } } }`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { steps { kind invoiceUrl } } }`;
const PAY = `mutation ($n: String!, $i: String!) { verifyPayment(requestNumber: $n, invoiceNumber: $i) { stage } }`;
const LINK = /^\/invoices\/[A-Za-z0-9_-]{103}$/;

async function operatorKey(server: StartedServer): Promise<Record<string, string>> {
  return { authorization: `Bearer ${(await server.ssps.partners.create(`operador-${Date.now()}`, { role: 'operator', ratePerMinute: 10_000 })).key}` };
}

/** The invoice link the detail shows on the payment step, as an applicant gets it: lookup, then Ver Detalle. */
async function invoiceLink(server: StartedServer, idNumber: string, requestNumber: string): Promise<string> {
  const lookup = await server.gql<{ certificateRequests: { requests: { id: string; requestNumber: string }[] } }>(LOOKUP, { n: idNumber, t: await solvedToken(server.url) });
  const id = lookup.data!.certificateRequests.requests.find((r) => r.requestNumber === requestNumber)!.id;
  const detail = await server.gql<{ requestDetail: { steps: { kind: string; invoiceUrl: string | null }[] } }>(DETAIL, { id });
  return detail.data!.requestDetail.steps.find((s) => s.kind === 'PAYMENT')!.invoiceUrl!;
}

describe.each(testDatabases())('invoices on $name', (database) => {
  const server = serverFor(database);
  // Scenario payment-in-review: CC 80234567, request 512002, waiting for its payment.
  const NAME = 'ÑANDÚ ŁUKASZ ΩΜΈΓΑ 李小龍 ЖЕНЯ 😀 محمد שרה';

  beforeAll(async () => {
    await server.ssps.db.run((ds) => ds.query('UPDATE applicant SET full_name = ? WHERE id_type = ? AND id_number = ?', [NAME, 'CC', '80234567']));
    await server.ssps.db.run((ds) => ds.query('UPDATE certificate_request SET holder_name = ? WHERE request_number = ?', [NAME, 512002]));
    const paid = await server.gql(PAY, { n: '512002', i: 'FE-Ω-0001' }, await operatorKey(server));
    expect(paid.errors).toBeUndefined();
  });

  it('draws a name in Latin, Greek, Cyrillic, Chinese, Arabic and Hebrew with fonts that have its glyphs, and replaces what none has (scenario payment-in-review)', async () => {
    const link = await invoiceLink(server, '80234567', '512002');
    expect(link).toMatch(LINK);
    const res = await fetch(`${server.url}${link}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const { lines, runs, fonts, blank } = await pdfText(new Uint8Array(await res.arrayBuffer()));

    expect(fonts).toEqual(expect.arrayContaining(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular', 'NotoSansArabic-Regular', 'NotoSansHebrew-Regular']));
    expect(lines).toContain('Factura FE-Ω-0001');
    // Arabic and Hebrew are laid out right to left, so their glyphs are drawn (and read back) in visual order.
    const visual = (rtl: string) => [...rtl].reverse().join('');
    const client = `Cliente: ÑANDÚ ŁUKASZ ΩΜΈΓΑ 李小龍 ЖЕНЯ \uFFFD ${visual('محمد שרה')} (CC 80234567)`;
    expect(lines).toContain(client);
    expect(runs.find((r) => r.text.includes('李小龍'))?.font).toBe('NotoSansSC-Regular');
    expect(runs.find((r) => r.text.includes(visual('محمد')))?.font).toBe('NotoSansArabic-Regular');
    expect(runs.find((r) => r.text.includes(visual('שרה')))?.font).toBe('NotoSansHebrew-Regular');
    expect(runs.find((r) => r.text.includes('ŁUKASZ ΩΜΈΓΑ'))?.font).toBe('NotoSans-Regular');
    // Letters after a Chinese name go back to the first font that has them, not on in the Chinese one.
    expect(runs.find((r) => r.text.includes('ЖЕНЯ'))?.font).toBe('NotoSans-Regular');
    expect(lines.join('\n')).not.toContain('\u0000');
    expect(blank).toEqual([]);
  });

  it('never answers 500, whatever the name contains', async () => {
    const names = ['\uD800 LONE SURROGATE', 'LINE\nBREAK\tTAB\u0007', '\u202EDESREVER', 'A\u200DZ\uFEFF', '𓀀 HIEROGLYPH', 'ᄀ한글 ไทย देवनागरी', 'X'.repeat(200)];
    for (const name of names) {
      await server.ssps.db.run((ds) => ds.query('UPDATE applicant SET full_name = ? WHERE id_type = ? AND id_number = ?', [name, 'CC', '80234567']));
      const res = await fetch(`${server.url}${await invoiceLink(server, '80234567', '512002')}`);
      expect(res.status, JSON.stringify(name)).toBe(200);
      const { lines } = await pdfText(new Uint8Array(await res.arrayBuffer()));
      expect(lines.find((l) => l.startsWith('Cliente: ')), JSON.stringify(name)).toBeDefined();
    }
  });

  it('opens only a live sealed link: the stored token, an altered link or one sealed under another secret are not found', async () => {
    const link = await invoiceLink(server, '80234567', '512002');
    expect((await fetch(`${server.url}${link}`)).status).toBe(200);
    // Each reading of the detail seals a new link (a new IV); both work while alive.
    const again = await invoiceLink(server, '80234567', '512002');
    expect(again).not.toBe(link);
    expect((await fetch(`${server.url}${again}`)).status).toBe(200);

    const [{ token }] = await server.ssps.db.run((ds) => ds.query('SELECT token FROM invoice i JOIN certificate_request r ON r.id = i.request_id WHERE r.request_number = ?', [512002]));
    const sealed = link.slice('/invoices/'.length);
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    const foreign = new InvoiceLinks('another-secret-'.padEnd(40, 'y'), 1_800).link(`/invoices/${token}`)!;
    const otherInstance = new InvoiceLinks(TEST_SECRET, 1_800).link(`/invoices/${token}`)!;
    expect((await fetch(`${server.url}${otherInstance}`)).status).toBe(200);
    for (const path of [`/invoices/${token}`, `/invoices/${flipped}`, `/invoices/${sealed}A`, `/invoices/${sealed.slice(0, -1)}`, foreign, '/invoices/', `/invoices/${'A'.repeat(87)}`]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).not.toBe('application/pdf');
    }
  });
});

describe.each(testDatabases())('an invoice is an invoice on $name', (database) => {
  const server = serverFor(database, { INVOICE_ISSUER_NAME: 'Certificadora Ejemplo S.A.S.', INVOICE_ISSUER_NIT: '900123456-8', INVOICE_ISSUER_ADDRESS: 'Carrera 7 # 26-20, Bogotá D.C.' });
  const PAY_CUFE = `mutation ($n: String!, $i: String!, $c: String) { verifyPayment(requestNumber: $n, invoiceNumber: $i, cufe: $c) { stage } }`;
  const CUFE = createHash('sha384').update('SETP990000001 2026-11-29 ejemplo').digest('hex');

  it('refuses a CUFE that is not 96 hex characters, and the payment stays unverified (scenario payment-in-review)', async () => {
    const headers = await operatorKey(server);
    for (const cufe of ['abc', CUFE.slice(0, 95), `${CUFE}0`, `${CUFE.slice(0, 95)}g`, createHash('sha256').update('x').digest('hex')]) {
      const refused = await server.gql(PAY_CUFE, { n: '512002', i: 'SETP990000001', c: cufe }, headers);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cufe', reason: 'CUFE_FORMAT' });
    }
    const [row] = await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM invoice i JOIN certificate_request r ON r.id = i.request_id WHERE r.request_number = ?', [512002]));
    expect(Number(row.n)).toBe(0);
  });

  it('states the issuer, the customer, the item, subtotal, IVA and total in pesos, number and date, and the CUFE with its QR (scenario payment-in-review)', async () => {
    const paid = await server.gql(PAY_CUFE, { n: '512002', i: 'SETP990000001', c: CUFE.toUpperCase() }, await operatorKey(server));
    expect(paid.errors).toBeUndefined();
    const res = await fetch(`${server.url}${await invoiceLink(server, '80234567', '512002')}`);
    const { lines, content } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    const text = lines.map((l) => l.replace(/\u00a0/g, ' '));
    const today = new Date().toLocaleDateString('es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric' });
    // PERTENENCIA_EMPRESA at the demo price: 200.000 + 19 % IVA.
    expect(text).toEqual([
      'Certificadora Ejemplo S.A.S.',
      'NIT 900123456-8',
      'Carrera 7 # 26-20, Bogotá D.C.',
      'Factura SETP990000001',
      `Fecha: ${today}`,
      expect.stringMatching(/^Cliente: .+ \(CC 80234567\)$/),
      'Orden Pedido No. 511951 - Solicitud 512002',
      'Titular: ' + text[7].slice('Titular: '.length),
      'Concepto: certificado de firma digital Pertenencia a Empresa',
      'Subtotal$ 200.000',
      'IVA (19 %)$ 38.000',
      'Total$ 238.000',
      'CUFE',
      CUFE.slice(0, 48),
      CUFE.slice(48),
      'Pago verificado. Documento generado por el Sistema de Solicitudes de Productos y Servicios SSPS.',
    ]);
    // The QR code is drawn as squares: one per dark module of DIAN's link for this CUFE, on a white background.
    const { modules } = QRCode.create(cufeUrl(CUFE), { errorCorrectionLevel: 'M' });
    const dark = Array.from({ length: modules.size * modules.size }, (_, i) => modules.get(Math.floor(i / modules.size), i % modules.size)).filter(Boolean).length;
    // pdf-lib draws a rectangle as a closed, filled path (m l l l h f).
    expect(content.match(/\nh\nf\n/g)?.length).toBe(dark + 1);
  });
});

describe.each(testDatabases())('invoice links expire with HANDLE_TTL_SECONDS on $name', (database) => {
  const server = serverFor(database, { HANDLE_TTL_SECONDS: '3' });

  it('answers the PDF while the link is alive and 404 once it has expired (scenario payment-in-review)', async () => {
    expect((await server.gql(PAY, { n: '512002', i: 'FE-0002' }, await operatorKey(server))).errors).toBeUndefined();
    const link = await invoiceLink(server, '80234567', '512002');
    expect(link).toMatch(LINK);
    expect((await fetch(`${server.url}${link}`)).status).toBe(200);
    await sleep(4_100);
    expect((await fetch(`${server.url}${link}`)).status).toBe(404);
  });
});

describe.each(testDatabases())('invoices within the client address budget on $name', (database) => {
  const server = serverFor(database, { RATE_LIMIT_DETAIL_IP: '4/1m' });

  it('renders an invoice only within the address budget the detail spends, then answers 429 with Retry-After (scenario payment-in-review)', async () => {
    expect((await server.gql(PAY, { n: '512002', i: 'FE-0003' }, await operatorKey(server))).errors).toBeUndefined();
    // The detail spends one of the four; the invoice three more, and the fifth read is refused.
    const link = await invoiceLink(server, '80234567', '512002');
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}${link}`)).status).toBe(200);
    const refused = await fetch(`${server.url}${link}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
