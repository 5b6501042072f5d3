import { describe, expect, it } from 'vitest';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id orderNumber requestNumber } detailNeedsOrderNumber } }`;
const DETAIL = `query ($id: ID!, $o: String) { requestDetail(id: $id, orderNumber: $o) { requestNumber serialNumber } }`;
type Lookup = { certificateRequests: { requests: { id: string; orderNumber: string; requestNumber: string }[]; detailNeedsOrderNumber: boolean } };

describe.each(testDatabases())('the order number as a second factor on $name', (database) => {
  const server = serverFor(database);

  describe('LOOKUP_SECOND_FACTOR=order-number', () => {
    it('masks order numbers in the lookup and opens the detail only with the right one', async () => {
      const s = await startServer(database, { LOOKUP_SECOND_FACTOR: 'order-number' }, { url: server.databaseUrl });
      try {
        const res = await s.gql<Lookup>(LOOKUP, { n: '1013592259', t: await solvedToken(s.url) });
        const [row] = res.data!.certificateRequests.requests;
        expect(res.data!.certificateRequests.detailNeedsOrderNumber).toBe(true);
        expect(row.orderNumber).toBe('••••43');
        const missing = await s.gql(DETAIL, { id: row.id });
        expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderNumber' });
        expect((await s.gql(DETAIL, { id: row.id, o: '434044' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect((await s.gql(DETAIL, { id: row.id, o: ' 434043 ' })).data).toEqual({
          requestDetail: { requestNumber: '434070', serialNumber: '3b00cdd4a8d648335efb415e3b273bd8' },
        });
      } finally {
        await s.close();
      }
    });
  });
});
