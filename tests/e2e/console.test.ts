import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { cleanPdf, png } from '../support/documents.js';
import { expectAccessible, focused, screenshot } from '../support/pages.js';
import { freePort } from '../support/process.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { startSmtpPeer } from '../support/smtp.js';

const DESKTOP = { width: 1280, height: 900 };
const WOMPI_SECRET = 'test_events_console_e2e_5d1f';

/** An approved Wompi transaction for `reference`, signed as Wompi signs its events. */
function wompiApproved(reference: string, amountInCents: number) {
  const transaction = { id: `1234-1764428400-${reference}`, amount_in_cents: amountInCents, reference, currency: 'COP', status: 'APPROVED' };
  const timestamp = 1_764_428_400;
  const checksum = createHash('sha256').update(`${transaction.id}${transaction.status}${amountInCents}${timestamp}${WOMPI_SECRET}`).digest('hex');
  return { event: 'transaction.updated', data: { transaction }, environment: 'test', signature: { properties: ['transaction.id', 'transaction.status', 'transaction.amount_in_cents'], checksum }, timestamp, sent_at: new Date().toISOString() };
}
const TABLET = { width: 800, height: 1100 };

// The operators' console in Chromium against the compiled server with the demo data, its operators
// signed in through the development OpenID provider's own form (as npm start runs it), and the
// applicant's mailbox a real SMTP peer.
describe.runIf(browserAvailable())("the operators' console", async () => {
  const smtpPort = await freePort();
  const session = browserSession({ ...QUICK_CAPTCHA, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, WOMPI_EVENTS_SECRET: WOMPI_SECRET });
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  beforeAll(async () => {
    smtp = await startSmtpPeer(smtpPort);
  });
  afterAll(() => smtp?.close());
  afterAll(() => {
    // A server that stopped under the tests says why: its last words, for whoever reads the failure.
    if (session.server && session.server.proc.child.exitCode !== null) console.error('the server exited', session.server.proc.err().slice(-4000), session.server.proc.out().slice(-4000));
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  // The default SSPS_PUBLIC_URL is http://localhost:<port>: the console is reached there.
  const base = () => session.server.url.replace('127.0.0.1', 'localhost');

  /** A fresh browser signed in as a demo user through the provider's login form, on the queue. */
  async function signIn(user: string, password: string, viewport = DESKTOP): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'es-CO', viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base()}/operaciones`);
    await page.getByRole('link', { name: 'Ingresar' }).click();
    await page.getByLabel(/^Usuario/).fill(user);
    await page.getByLabel(/^Contraseña/).fill(password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Cola de solicitudes' }).isVisible()).toBe(true);
    return page;
  }

  const stage = (page: Page) => page.locator('.facts dd strong').first().textContent();
  const outcome = (page: Page) => page.locator('.move-outcome').textContent();
  const historyRows = (page: Page) => page.locator('table.history tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));

  async function openRequest(page: Page, requestNumber: string): Promise<void> {
    await page.goto(`${base()}/operaciones/solicitud/${requestNumber}`);
    await expect.poll(() => page.locator('.facts').count()).toBeGreaterThan(0);
  }

  /** The request page's form for one move, by its title. */
  const moveForm = (page: Page, title: string) => page.getByRole('form', { name: title, exact: true });

  let operator: Page;
  let supervisor: Page;

  it('shows the queue by stage with counts, oldest first, with ages and deadlines in words; filters and pages', async () => {
    operator = await signIn('laura', 'operadora-demo');
    const tab = (name: string) => operator.getByRole('button', { name: new RegExp(`^${name} \\d+`) });
    // Every stage an operator works, and where requests end, each with its count.
    for (const name of ['Revisión de documentos', 'Esperando corrección', 'Verificación de pago', 'Aprobación', 'Entrega', 'Rechazadas', 'Emitidas', 'Revocadas']) {
      await expect.poll(() => tab(name).isVisible()).toBe(true);
    }
    expect(await tab('Revisión de documentos').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => tab('Verificación de pago').textContent()).toMatch(/^Verificación de pago 2/);

    await tab('Verificación de pago').click();
    const rows = () => operator.locator('.console-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));
    // Oldest filing first: 512002 was filed three days ago, 512007 two.
    await expect.poll(async () => (await rows()).map((r) => r.slice(0, 6))).toEqual(['512002', '512007']);
    const first = (await rows())[0];
    expect(first).toContain('JUAN PABLO MUESTRA ROJAS');
    expect(first).toContain('Pertenencia a Empresa');
    expect(first).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(first).toMatch(/\d+ días? hábil(es)?/);
    expect(first).toMatch(/A tiempo|POR VENCER|VENCIDA/);

    // Filters: by type, then a deadline no demo request has reached.
    await operator.getByLabel('Tipo de certificado').selectOption({ label: 'Profesional Titulado' });
    await expect.poll(async () => (await rows()).map((r) => r.slice(0, 6))).toEqual(['512007']);
    await operator.getByLabel('Plazo').selectOption({ label: 'Vencida' });
    await expect.poll(() => operator.getByText('No hay solicitudes en esta etapa con estos filtros.').isVisible()).toBe(true);
    await operator.getByLabel('Plazo').selectOption({ label: 'Todos' });
    await operator.getByLabel('Tipo de certificado').selectOption({ label: 'Todos los tipos' });

    // Issued holds more than a page of 25? No: the demo has few, so "Ver más" is absent and every row is there.
    await tab('Emitidas').click();
    await expect.poll(async () => (await rows()).length).toBeGreaterThan(2);
    expect(await operator.getByRole('button', { name: 'Ver más' }).count()).toBe(0);
    expect(await operator.getByLabel('Plazo').isDisabled()).toBe(true);

    await tab('Verificación de pago').click();
    await expect.poll(async () => (await rows()).length).toBe(2);
    await expectAccessible(operator, 'console queue');
    await screenshot(operator, 'console-queue');
  }, 120_000);

  it('lets the operator verify a payment, approve, reject, and propose a delivery she cannot decide herself', async () => {
    await operator.getByRole('link', { name: 'Abrir la solicitud 512002' }).click();
    await expect.poll(() => stage(operator)).toBe('Verificación de pago');
    expect(await operator.locator('.facts').first().innerText()).toContain('Pertenencia a Empresa');
    const applicant = await operator.locator('.facts').nth(1).innerText();
    for (const fact of ['Cédula de Ciudadanía 80234567', 'JUAN PABLO MUESTRA ROJAS', 'juan.muestra@example.com', 'FERRETERÍA EJEMPLO S.A.S.', 'FACTURACIÓN ELECTRÓNICA']) expect(applicant).toContain(fact);
    // Only the moves the stage allows: no approval or delivery before the payment.
    expect(await operator.getByRole('button', { name: 'Aprobar solicitud' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Proponer la entrega' }).count()).toBe(0);
    await expectAccessible(operator, 'console request');

    // A payment the gateway approved for less than the total (order 511951) waits for the operators on the queue and on the request.
    const paid = await fetch(`${session.server.url}/payments/wompi/events`, { method: 'POST', body: JSON.stringify(wompiApproved('511951', 10_000_000)) });
    expect(await paid.json()).toEqual({ outcome: 'AMOUNT_MISMATCH' });
    await operator.goto(`${base()}/operaciones`);
    await expect.poll(() => operator.locator('.payment-discrepancies').innerText()).toContain('El valor no coincide');
    expect((await operator.locator('.payment-discrepancies').innerText()).replace(/\u00a0/g, ' ')).toMatch(/512002\s+511951\s+\$ 100\.000\s+\$ 238\.000/);
    await openRequest(operator, '512002');
    await expect.poll(() => operator.getByRole('heading', { name: /Pagos que no coinciden/ }).isVisible()).toBe(true);

    // A CUFE that is not one is refused with the service's sentence; the payment is then verified with a good one.
    const cufe = createHash('sha384').update('FE-2026-000777').digest('hex');
    await moveForm(operator, 'Verificar pago').getByLabel('Número de factura').fill('FE-2026-000777');
    await moveForm(operator, 'Verificar pago').getByLabel('CUFE de la factura electrónica (opcional)').fill(cufe.slice(0, 90));
    await operator.getByRole('button', { name: 'Verificar pago' }).click();
    await expect.poll(() => outcome(operator)).toContain('El CUFE de la DIAN tiene 96 caracteres hexadecimales');
    await moveForm(operator, 'Verificar pago').getByLabel('CUFE de la factura electrónica (opcional)').fill(cufe);
    await operator.getByRole('button', { name: 'Verificar pago' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: pago verificado con la factura FE-2026-000777.');
    await expect.poll(() => stage(operator)).toBe('Aprobación');
    expect(await focused(operator)).toContain('Listo: pago verificado');

    await operator.getByRole('button', { name: 'Aprobar solicitud' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: solicitud aprobada; pasa a entrega.');
    await expect.poll(() => stage(operator)).toBe('Entrega');

    await operator.getByRole('button', { name: 'Proponer la entrega' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: entrega propuesta; espera la aprobación de un supervisor.');
    // The stage waits for four eyes; the proposer is told another supervisor decides, and is offered no decision.
    await expect.poll(() => operator.locator('.proposal').innerText()).toContain('Usted hizo esta propuesta: otro supervisor debe aprobarla o declinarla.');
    expect(await operator.locator('.proposal').innerText()).toMatch(/Entregar certificado propuesta por Laura Operadora el \d{2}\/\d{2}\/\d{4}/);
    expect(await stage(operator)).toBe('Entrega');
    expect(await operator.getByRole('button', { name: 'Aprobar la propuesta' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Proponer la entrega' }).count()).toBe(0);
    // Nor can her session decide it behind the page's back.
    const refused = await operator.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/operaciones/session')).json()) as { csrfToken: string };
      const proposals = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ query: '{ openProposals(requestNumber: "512002") { id } }' }),
      }).then((r) => r.json() as Promise<{ data: { openProposals: { id: string }[] } }>);
      const answer = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ query: 'mutation ($id: ID!) { approveProposal(id: $id) { stage } }', variables: { id: proposals.data.openProposals[0].id } }),
      }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string; reason: string } }[] }>);
      return answer.errors[0].extensions;
    });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'SUPERVISOR_REQUIRED' });

    // A rejection carries the reason the applicant reads.
    await openRequest(operator, '512007');
    await moveForm(operator, 'Rechazar').getByLabel('Motivo del rechazo (lo lee el solicitante)').fill('El pago no corresponde a la orden de pedido.');
    await operator.getByRole('button', { name: 'Rechazar solicitud' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: solicitud rechazada.');
    await expect.poll(() => stage(operator)).toBe('Rechazadas');
    expect(await operator.locator('table tbody tr').filter({ hasText: 'Verificación de pago' }).first().innerText()).toContain('El pago no corresponde a la orden de pedido.');
    // A rejected request offers no move of the stage.
    expect(await operator.getByRole('button', { name: 'Rechazar solicitud' }).count()).toBe(0);

    // A refusal is shown with the service's Spanish sentence, as an alert.
    await openRequest(operator, '512004');
    const rename = moveForm(operator, 'Corregir el nombre del solicitante');
    await rename.getByLabel('Motivo de la corrección').fill('Verificado contra la cédula');
    await operator.getByRole('button', { name: 'Corregir nombre' }).click();
    await expect.poll(() => operator.locator('.alert.move-outcome').textContent()).toBe(
      'No se pudo: El nombre registrado del solicitante de la solicitud 512004 ya es DIEGO ALEJANDRO FICTICIO LÓPEZ.',
    );
    expect(await operator.getByRole('alert').filter({ hasText: 'No se pudo' }).count()).toBe(1);
  }, 120_000);

  it('approves a move with the keyboard alone', async () => {
    await openRequest(operator, '512003');
    // Focus starts on the request's heading; Tab walks to the approval, Enter makes it.
    await expect.poll(() => focused(operator)).toMatch(/^h2#request-title/);
    let steps = 0;
    while (!(await focused(operator)).startsWith('button:Aprobar solicitud') && steps++ < 40) await operator.keyboard.press('Tab');
    expect(await focused(operator)).toBe('button:Aprobar solicitud');
    await operator.keyboard.press('Enter');
    await expect.poll(() => outcome(operator)).toBe('Listo: solicitud aprobada; pasa a entrega.');
    // The form is gone with the stage; focus went to the announcement, not to the page's top.
    expect(await focused(operator)).toContain('Listo: solicitud aprobada');
    await expect.poll(() => stage(operator)).toBe('Entrega');
  }, 60_000);

  it('lets a supervisor approve the delivery the operator proposed, and revocations go through four eyes too', async () => {
    supervisor = await signIn('andres', 'supervisor-demo');
    await openRequest(supervisor, '512002');
    await expect.poll(() => supervisor.locator('.proposal').innerText()).toContain('Un supervisor distinto de quien la propuso debe aprobarla o declinarla.');
    expect(await supervisor.locator('.proposal').innerText()).toContain('Entregar certificado propuesta por Laura Operadora');
    await expectAccessible(supervisor, 'console four eyes');
    await screenshot(supervisor, 'console-four-eyes');
    await supervisor.getByRole('button', { name: 'Aprobar la propuesta' }).click();
    await expect.poll(() => outcome(supervisor)).toBe('Listo: propuesta aprobada y ejecutada.');
    await expect.poll(() => stage(supervisor)).toBe('Emitidas');
    const serial = (await supervisor.locator('.facts .serial__value').textContent())!;
    expect(serial).toMatch(/^[0-9a-f]{32}$/);
    expect(await supervisor.locator('.proposal').count()).toBe(0);
    // Delivered, not yet downloaded: a new download link can be sent (the first may have expired).
    await supervisor.getByRole('button', { name: 'Enviar un enlace nuevo' }).click();
    await expect.poll(() => outcome(supervisor)).toBe('Listo: le enviamos al solicitante un enlace de descarga nuevo.');
    // The history names both: the supervisor's decision, and the delivery under its proposer.
    const history = await historyRows(supervisor);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Laura Operadora Verificar pago Verificación de pago → Aprobación Factura FE-2026-000777/),
        expect.stringMatching(/Laura Operadora Proponer entrega Entrega/),
        expect.stringMatching(/Andrés Supervisor Aprobar propuesta/),
        expect.stringMatching(/Laura Operadora Entregar certificado Entrega → Emitidas/),
        expect.stringMatching(/Andrés Supervisor Enviar un enlace de descarga nuevo/),
      ]),
    );

    // Revocation: proposed by the operator, approved by the supervisor.
    await openRequest(operator, '512006');
    await moveForm(operator, 'Revocar certificado').getByLabel('Motivo (RFC 5280)').selectOption('keyCompromise');
    await operator.getByRole('button', { name: 'Proponer la revocación' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: revocación propuesta; espera la aprobación de un supervisor.');
    await expect.poll(() => operator.locator('.proposal').innerText()).toContain('Motivo RFC 5280: Llave comprometida (keyCompromise)');
    await openRequest(supervisor, '512006');
    await supervisor.getByRole('button', { name: 'Aprobar la propuesta' }).click();
    await expect.poll(() => stage(supervisor)).toBe('Revocadas');
    expect(await supervisor.locator('.facts').first().innerText()).toMatch(/Revocado el \d{2}\/\d{2}\/\d{4}/);
    expect(await historyRows(supervisor)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Andrés Supervisor Aprobar propuesta/), expect.stringMatching(/Laura Operadora Revocar certificado Emitidas → Revocadas keyCompromise/)]),
    );

    // A supervisor's own proposal waits for another supervisor: he is offered no decision on it.
    await openRequest(supervisor, '503377');
    await moveForm(supervisor, 'Revocar certificado').getByLabel('Motivo (RFC 5280)').selectOption('superseded');
    await supervisor.getByRole('button', { name: 'Proponer la revocación' }).click();
    await expect.poll(() => supervisor.locator('.proposal').innerText()).toContain('Usted hizo esta propuesta: otro supervisor debe aprobarla o declinarla.');
    expect(await supervisor.getByRole('button', { name: 'Aprobar la propuesta' }).count()).toBe(0);
    expect(await stage(supervisor)).toBe('Emitidas');

    // Search by serial, in the colon-separated upper case a certificate viewer shows, and by ID number.
    await supervisor.goto(`${base()}/operaciones`);
    // Each search's rows, once they are that search's (a search replaces the last one's rows).
    const search = async (text: string, expected: unknown[]) => {
      await supervisor.getByLabel(/^Cédula u otro documento/).fill(text);
      await supervisor.getByRole('button', { name: 'Buscar', exact: true }).click();
      await expect
        .poll(async () =>
          (await supervisor.getByRole('heading', { name: 'Resultados de la búsqueda' }).isVisible())
            ? supervisor.locator('.search-results tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')))
            : null,
        )
        .toEqual(expected);
    };
    const colons = serial.toUpperCase().match(/../g)!.join(':');
    await search(colons, [expect.stringMatching(/^512002 JUAN PABLO MUESTRA ROJAS CC 80234567 .*Emitidas .*serial$/)]);
    // Focus moves to the results' heading, and the search text never reaches the address bar.
    expect(await focused(supervisor)).toMatch(/^h3:Resultados de la búsqueda/);
    expect(supervisor.url()).toBe(`${base()}/operaciones`);
    await search('1.020.304.050', [expect.stringMatching(/^512004 DIEGO ALEJANDRO FICTICIO LÓPEZ CC 1020304050 .*documento$/)]);
    await search('3b00cdd4a8d648335efb415e3b273bd8', [expect.stringMatching(/^434070 .*Revocadas/)]);
    await search('999999999', []);
    expect(await supervisor.getByText('Ninguna solicitud coincide con «999999999».').isVisible()).toBe(true);
    await expectAccessible(supervisor, 'console search');
  }, 120_000);

  it('asks the applicant for a correction; the document arrives from the e-mailed link and the request is back in the filing review', async () => {
    await openRequest(operator, '512001');
    expect(await operator.getByText('La solicitud no tiene documentos cargados.').isVisible()).toBe(true);
    const ask = moveForm(operator, 'Pedir corrección de documentos');
    await ask.getByLabel(/^Qué debe corregir/).fill('La copia de la cédula no se lee: envíela escaneada por ambas caras.');
    await operator.getByRole('button', { name: 'Pedir corrección' }).click();
    await expect.poll(() => ask.getByRole('alert').textContent()).toBe('Marque al menos un documento.');
    await ask.getByLabel('Documento de identidad').check();
    await ask.getByLabel('RUT').check();
    await operator.getByRole('button', { name: 'Pedir corrección' }).click();
    await expect.poll(() => outcome(operator)).toBe('Listo: le enviamos al solicitante un correo con el enlace para cargar los documentos.');
    await expect.poll(() => stage(operator)).toBe('Esperando corrección');

    // The applicant's mailbox, as the real SMTP peer received it.
    const address = 'luisa.prueba@example.com';
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(address) && m.raw.includes('/solicitud/correccion#')).length, { timeout: 30_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes(address) && m.raw.includes('/solicitud/correccion#'))!;
    const link = /(http:\/\/localhost:\d+\/solicitud\/correccion#[A-Za-z0-9_-]{43})/.exec(mail.raw)![1];

    const applicantContext = await session.browser.newContext({ locale: 'es-CO' });
    contexts.push(applicantContext);
    const applicant = await applicantContext.newPage();
    await applicant.goto(link);
    await expect.poll(() => applicant.getByText('La copia de la cédula no se lee: envíela escaneada por ambas caras.').isVisible()).toBe(true);
    await applicant.getByLabel(/^Documento de identidad/).setInputFiles({ name: 'cedula.png', mimeType: 'image/png', buffer: png(320, 200) });
    await expect.poll(() => applicant.getByText('Recibido: cedula.png').isVisible()).toBe(true);
    await applicant.getByLabel(/^RUT/).setInputFiles({ name: 'rut.pdf', mimeType: 'application/pdf', buffer: await cleanPdf('RUT de prueba') });
    await expect.poll(() => applicant.getByRole('heading', { name: 'Recibimos todos sus documentos' }).isVisible()).toBe(true);

    // Back in the operators' queue, at the filing review, with the new document shown inline.
    await operator.goto(`${base()}/operaciones`);
    await expect.poll(() => operator.locator('.console-table tbody tr').first().innerText()).toContain('512001');
    await operator.getByRole('link', { name: 'Abrir la solicitud 512001' }).click();
    await expect.poll(() => stage(operator)).toBe('Revisión de documentos');
    const image = operator.getByRole('img', { name: 'Documento de identidad de la solicitud 512001' });
    await expect.poll(() => image.evaluate((img) => [(img as HTMLImageElement).complete, (img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])).toEqual([true, 320, 200]);
    // The PDF in a frame: Chromium's viewer renders it there, under the document's sandbox.
    expect(await operator.locator('iframe[title="RUT de la solicitud 512001"]').getAttribute('src')).toMatch(/^\/operaciones\/documentos\/\d+$/);
    await expect.poll(() => operator.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 15_000 }).toBe(true);
    expect(await historyRows(operator)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Laura Operadora Pedir corrección Revisión de documentos → Esperando corrección/), expect.stringMatching(/El solicitante Corrección recibida Esperando corrección → Revisión de documentos/)]),
    );
    await expectAccessible(operator, 'console request with a document');
    await screenshot(operator, 'console-request');

    // On a tablet the page reflows: nothing scrolls sideways.
    await operator.setViewportSize(TABLET);
    await expect.poll(() => operator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
    await expectAccessible(operator, 'console request, tablet');
    await operator.setViewportSize(DESKTOP);
  }, 120_000);

  it('lists the moves by operator in the activity, filtered by operator and date', async () => {
    await operator.getByRole('link', { name: 'Actividad' }).click();
    await expect.poll(() => operator.getByRole('heading', { name: 'Actividad de los operadores' }).isVisible()).toBe(true);
    const rows = () => operator.locator('.activity tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));
    await expect.poll(async () => (await rows()).length).toBeGreaterThan(5);
    expect(await rows()).toEqual(expect.arrayContaining([expect.stringMatching(/Andrés Supervisor 512002 Aprobar propuesta/), expect.stringMatching(/Laura Operadora 512001 Abrió un documento Documento de identidad/)]));

    await operator.getByLabel(/^Operador/).fill('Laura Operadora');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
    await operator.getByLabel('Desde').fill(today);
    await operator.getByLabel('Hasta').fill(today);
    await operator.getByRole('button', { name: 'Filtrar' }).click();
    // Until the filtered page has come, the list is empty (the rows of the unfiltered one are gone at once).
    await expect.poll(async () => {
      const shown = await rows();
      return shown.length > 0 && shown.every((r) => r.includes('Laura Operadora'));
    }).toBe(true);
    const mine = await rows();
    for (const move of ['512002 Verificar pago', '512002 Aprobar', '512002 Proponer entrega', '512007 Rechazar', '512003 Aprobar', '512006 Proponer revocación', '512001 Pedir corrección']) {
      expect(mine.some((r) => r.includes(move))).toBe(true);
    }
    expect(mine.some((r) => r.includes('Andrés Supervisor'))).toBe(false);
    await expectAccessible(operator, 'console activity');
    await screenshot(operator, 'console-activity');

    await operator.getByLabel(/^Operador/).fill('Nadie Con Este Nombre');
    await operator.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => operator.getByText('No hay acciones con estos filtros.').isVisible()).toBe(true);
    // A page holds 50 actions (here, 50 more views of a document); "Ver más" reads the next, focus on the first row it added.
    const documentUrl = await operator.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/operaciones/session')).json()) as { csrfToken: string };
      const answer = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ query: '{ consoleRequest(requestNumber: "512001") { documents { url } } }' }),
      }).then((r) => r.json() as Promise<{ data: { consoleRequest: { documents: { url: string }[] } } }>);
      return answer.data.consoleRequest.documents[0].url;
    });
    for (let i = 0; i < 50; i++) expect((await operator.context().request.get(`${base()}${documentUrl}`)).status()).toBe(200);
    await operator.getByLabel(/^Operador/).fill('');
    await operator.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(async () => (await rows()).length).toBe(50);
    await operator.getByRole('button', { name: 'Ver más' }).click();
    await expect.poll(async () => (await rows()).length).toBeGreaterThan(60);
    expect(await operator.evaluate(() => document.activeElement?.closest('tr') === document.querySelectorAll('.activity tbody tr')[50])).toBe(true);
    expect((await rows()).filter((r) => r.includes('Laura Operadora 512002 Verificar pago'))).toHaveLength(1);
  }, 60_000);

  it('sends an operator whose session ended back to sign in, and then to where she was', async () => {
    const context = operator.context();
    const kept = (await context.cookies()).find((c) => c.name === 'ssps-console')!;
    await openRequest(operator, '512004');
    // Signed out elsewhere (the session's row is gone), while this page still holds the old cookie.
    const { csrfToken } = (await (await context.request.get(`${base()}/operaciones/session`)).json()) as { csrfToken: string };
    await context.request.post(`${base()}/operaciones/logout`, { form: { csrf: csrfToken }, headers: { origin: base() }, maxRedirects: 0 });
    await context.addCookies([kept]);
    await moveForm(operator, 'Corregir el nombre del solicitante').getByLabel('Nombre correcto').fill('DIEGO ALEJANDRO FICTICIO LOPEZ');
    await moveForm(operator, 'Corregir el nombre del solicitante').getByLabel('Motivo de la corrección').fill('Verificado contra la cédula');
    await operator.getByRole('button', { name: 'Corregir nombre' }).click();
    // The provider's login form, and after it the request's page again.
    await expect.poll(() => operator.getByLabel(/^Usuario/).isVisible(), { timeout: 20_000 }).toBe(true);
    await operator.getByLabel(/^Usuario/).fill('laura');
    await operator.getByLabel(/^Contraseña/).fill('operadora-demo');
    await operator.getByRole('button', { name: 'Ingresar' }).click();
    await expect.poll(() => operator.url()).toBe(`${base()}/operaciones/solicitud/512004`);
    await expect.poll(() => stage(operator)).toBe('Entrega');
    // The move made with the ended session was refused: the name is unchanged.
    expect(await operator.locator('.facts').nth(1).innerText()).toContain('DIEGO ALEJANDRO FICTICIO LÓPEZ');
  }, 60_000);

  it('shows a request number that names no request as such, and the console in English', async () => {
    await operator.goto(`${base()}/operaciones/solicitud/999999`);
    await expect.poll(() => operator.locator('.alert').textContent()).toBe('No existe la solicitud 999999.');
    expect(await operator.locator('.alert').getAttribute('role')).toBe('alert');
    await operator.context().addCookies([{ name: 'ssps-lang', value: 'en', url: base() }]);
    await operator.goto(`${base()}/operaciones`);
    await expect.poll(() => operator.getByRole('heading', { name: 'Request queue' }).isVisible()).toBe(true);
    await expect.poll(() => operator.getByRole('button', { name: /^Document review \d+/ }).isVisible()).toBe(true);
    await expectAccessible(operator, 'console queue in English');
  }, 60_000);
});
