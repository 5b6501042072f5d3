import { describe, expect, it } from 'vitest';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { serverFor } from '../support/server.js';

const LOOKUP = /* GraphQL */ `
  query Lookup($idType: IdType!, $idNumber: String!, $captchaToken: String) {
    certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) {
      applicant { idType idNumber fullName }
      requests { id orderNumber requestNumber issuedOn holderName company project certificateType status }
      newRequestUrl
    }
  }`;

const DETAIL = /* GraphQL */ `
  query Detail($id: ID!) {
    requestDetail(id: $id) {
      requestNumber holderName serialNumber
      steps { kind modifiedOn information state invoiceUrl }
    }
  }`;

interface Summary { id: string; requestNumber: string; status: string; issuedOn: string | null; [k: string]: unknown }
interface LookupData { certificateRequests: { applicant: { idType: string; idNumber: string; fullName: string } | null; requests: Summary[]; newRequestUrl: string } }
interface DetailData { requestDetail: { requestNumber: string; holderName: string; serialNumber: string | null; steps: { kind: string; state: string; modifiedOn: string | null; information: string }[] } | null }

describe.each(testDatabases())('public lookup on $name', (database) => {
  const server = serverFor(database);

  async function lookup(idType: string, idNumber: string) {
    return server.gql<LookupData>(LOOKUP, { idType, idNumber, captchaToken: await solvedToken(server.url) });
  }

  it('answers the manual\'s example (scenario manual-revoked) row for row', async () => {
    const res = await lookup('CC', '1013592259');
    expect(res.errors).toBeUndefined();
    const result = res.data!.certificateRequests;
    expect(result.applicant).toEqual({ idType: 'CC', idNumber: '1013592259', fullName: 'CARLOS ANDRÉS EJEMPLO DÍAZ' });
    expect(result.requests).toHaveLength(1);
    const { id, ...row } = result.requests[0];
    expect(row).toEqual({
      orderNumber: '434043',
      requestNumber: '434070',
      issuedOn: '2016-08-03',
      holderName: 'CARLOS ANDRÉS EJEMPLO DÍAZ',
      company: 'CERTICAMARA PRUEBAS 2016',
      project: 'OTROS',
      certificateType: 'Profesional Titulado',
      status: 'COMPLETED',
    });
    expect(id).not.toContain('434070');
  });

  it('reads the serial number and the five steps through the handle (manual\'s "Ver Detalle")', async () => {
    const { data } = await lookup('CC', '1013592259');
    const detail = await server.gql<DetailData>(DETAIL, { id: data!.certificateRequests.requests[0].id });
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.requestDetail).toEqual({
      requestNumber: '434070',
      holderName: 'CARLOS ANDRÉS EJEMPLO DÍAZ',
      serialNumber: '3b00cdd4a8d648335efb415e3b273bd8',
      steps: [
        { kind: 'FILING', modifiedOn: '2016-08-01', state: 'COMPLETED', information: 'Su solicitud fue radicada con éxito.', invoiceUrl: null },
        { kind: 'PAYMENT', modifiedOn: '2016-08-02', state: 'COMPLETED', information: 'Su pago fue verificado con éxito.', invoiceUrl: null },
        { kind: 'APPROVAL', modifiedOn: '2016-08-02', state: 'COMPLETED', information: 'Su solicitud fue aprobada con éxito.', invoiceUrl: null },
        { kind: 'DELIVERY', modifiedOn: '2016-08-03', state: 'COMPLETED', information: 'Su certificado de firma digital fue descargado con éxito', invoiceUrl: null },
        { kind: 'VALIDITY', modifiedOn: '2016-10-04', state: 'REVOKED', information: 'Su certificado de firma digital ha sido revocado.', invoiceUrl: null },
      ],
    });
  });

  it('answers an empty list, not an error, for a cédula with no requests (scenario no-requests)', async () => {
    const res = await lookup('CC', '14444524');
    expect(res.errors).toBeUndefined();
    expect(res.data!.certificateRequests).toEqual({
      applicant: null,
      requests: [],
      newRequestUrl: '/solicitud',
    });
  });

  it('lists every request of a person, newest first (scenario several-requests)', async () => {
    const res = await lookup('CC', '71.234.567');
    expect(res.data!.certificateRequests.requests.map((r) => [r.requestNumber, r.status])).toEqual([
      ['512007', 'IN_PROGRESS'],
      ['503377', 'COMPLETED'],
      ['471530', 'COMPLETED'],
    ]);
    const states = [];
    for (const r of res.data!.certificateRequests.requests) {
      const d = await server.gql<DetailData>(DETAIL, { id: r.id });
      states.push(d.data!.requestDetail!.steps.map((s) => s.state));
    }
    expect(states).toEqual([
      ['COMPLETED', 'IN_PROGRESS', 'PENDING', 'PENDING', 'NOT_ISSUED'],
      ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'VALID'],
      ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'EXPIRED'],
    ]);
  });

  it('finds a company by NIT written with or without dots and check-digit hyphen (scenario company-nit)', async () => {
    for (const written of ['900.123.456-8', '9001234568']) {
      const res = await lookup('NIT', written);
      expect(res.data!.certificateRequests.applicant?.idNumber).toBe('900123456-8');
      expect(res.data!.certificateRequests.requests.map((r) => r.status)).toEqual(['CANCELLED', 'COMPLETED']);
    }
  });

  it('shows the rejection reason the applicant must act on (scenario rejected)', async () => {
    const { data } = await lookup('CC', '39876543');
    const d = await server.gql<DetailData>(DETAIL, { id: data!.certificateRequests.requests[0].id });
    const approval = d.data!.requestDetail!.steps[2];
    expect(approval).toMatchObject({ kind: 'APPROVAL', state: 'REJECTED' });
    expect(approval.information).toMatch(/rechazada/);
    expect(d.data!.requestDetail!.serialNumber).toBeNull();
  });
});
