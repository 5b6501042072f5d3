/**
 * The stack's own baseline, beside the floor: stock Apollo Server 5 with its defaults and its
 * standalone HTTP server, resolvers on mysql2 running the same SQL as SSPS and the floor,
 * written as the design card describes the lookup and the detail — no partner key, no rate
 * limit, no audit, no handles (the detail takes the row ids, as the floor's does). Started as
 * its own process with NODE_ENV=production: `node dist/bench/apollo-peer.js <mysqlUrl> <port>`.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createPool, type RowDataPacket } from 'mysql2/promise';
import { DETAIL_SQL, LOOKUP_SQL } from '../server/requests/lookup-service.js';

const [url, port] = process.argv.slice(2);
// The same pool size as SSPS's (server/db/data-source.ts) and the floor's.
const pool = createPool({ uri: url, connectionLimit: 10, timezone: 'Z' });

const typeDefs = `#graphql
  type Applicant { fullName: String! }
  type RequestSummary {
    id: ID!
    orderNumber: String!
    requestNumber: String!
    issuedOn: String
    holderName: String!
    company: String
    project: String
    certificateType: String!
    status: String!
  }
  type Lookup { applicant: Applicant, requests: [RequestSummary!]! }
  type Step { kind: String!, state: String!, modifiedOn: String, information: String, invoiceUrl: String }
  type RequestDetail { requestNumber: String!, holderName: String!, serialNumber: String, steps: [Step!]! }
  type Query {
    certificateRequests(idType: String!, idNumber: String!): Lookup!
    requestDetail(requestId: Int!, applicantId: Int!): RequestDetail
  }
`;

const day = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString().slice(0, 10));

const resolvers = {
  Query: {
    async certificateRequests(_: unknown, { idType, idNumber }: { idType: string; idNumber: string }) {
      const [rows] = await pool.execute<RowDataPacket[]>(LOOKUP_SQL, [idType, idNumber]);
      if (rows.length === 0) return { applicant: null, requests: [] };
      return {
        applicant: { fullName: rows[0].full_name as string },
        requests: rows
          .filter((r) => r.request_id !== null)
          .map((r) => ({
            id: String(r.request_id),
            orderNumber: String(r.order_number),
            requestNumber: String(r.request_number),
            issuedOn: day(r.issued_at as Date | null),
            holderName: r.holder_name as string,
            company: r.company as string | null,
            project: r.project as string | null,
            certificateType: r.certificate_type as string,
            status: r.status as string,
          })),
      };
    },
    async requestDetail(_: unknown, { requestId, applicantId }: { requestId: number; applicantId: number }) {
      const [rows] = await pool.execute<RowDataPacket[]>(DETAIL_SQL, [requestId, applicantId]);
      if (rows.length === 0) return null;
      return {
        requestNumber: String(rows[0].request_number),
        holderName: rows[0].holder_name as string,
        serialNumber: rows[0].serial_number as string | null,
        steps: rows
          .filter((r) => r.kind !== null)
          .map((r) => ({ kind: r.kind as string, state: r.state as string, modifiedOn: day(r.modified_at as Date | null), information: (r.information as string | null) ?? null, invoiceUrl: (r.invoice_url as string | null) ?? null })),
      };
    },
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
process.send?.('ready');
