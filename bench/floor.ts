/**
 * The floor the benchmark compares SSPS with: the same lookup and detail SQL answered by a
 * bare Node http server with mysql2 prepared statements and JSON.stringify, nothing else.
 * Started as its own process: `node dist/bench/floor.js <mysqlUrl> <port>`.
 *
 *   POST /        {"idType","idNumber"}          → the lookup's rows
 *   POST /detail  {"requestId","applicantId"}    → the detail's rows
 */
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';
import { DETAIL_SQL, LOOKUP_SQL } from '../server/requests/lookup-service.js';

const [url, port] = process.argv.slice(2);
// The same pool size as SSPS's (server/db/data-source.ts).
const pool = createPool({ uri: url, connectionLimit: 10, timezone: 'Z' });

createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c));
  req.on('end', async () => {
    try {
      const input = JSON.parse(body) as { idType: string; idNumber: string; requestId: number; applicantId: number };
      const [rows] = req.url === '/detail' ? await pool.execute(DETAIL_SQL, [input.requestId, input.applicantId]) : await pool.execute(LOOKUP_SQL, [input.idType, input.idNumber]);
      const json = JSON.stringify({ data: rows });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    } catch {
      res.writeHead(500).end();
    }
  });
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
