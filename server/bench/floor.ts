/**
 * The floor the benchmark compares SSPS with: the same lookup answered by a bare Node http
 * server with mysql2 prepared statements and JSON.stringify, nothing else. Started as its
 * own process: `node dist/server/bench/floor.js <mysqlUrl> <port>`.
 */
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';

const [url, port] = process.argv.slice(2);
const pool = createPool({ uri: url, connectionLimit: 10, timezone: 'Z' });
const LOOKUP = `SELECT a.id AS applicant_id, a.id_type, a.id_number, a.full_name, r.id AS request_id, r.order_number, r.request_number,
       r.issued_at, r.holder_name, r.company, r.project, t.name AS certificate_type, r.status
  FROM applicant a LEFT JOIN certificate_request r ON r.applicant_id = a.id LEFT JOIN certificate_type t ON t.id = r.certificate_type_id
 WHERE a.id_type = ? AND a.id_number = ? ORDER BY r.request_number DESC`;

createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c));
  req.on('end', async () => {
    try {
      const { idType, idNumber } = JSON.parse(body) as { idType: string; idNumber: string };
      const [rows] = await pool.execute(LOOKUP, [idType, idNumber]);
      const json = JSON.stringify({ data: rows });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    } catch {
      res.writeHead(500).end();
    }
  });
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
