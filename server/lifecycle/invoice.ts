import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { bogotaDay } from '../graphql/scalars.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';

interface InvoiceRow {
  invoice_number: string;
  issued_at: Date | string;
  request_number: number;
  order_number: number;
  holder_name: string;
  company: string | null;
  certificate_type: string;
  id_type: string;
  id_number: string;
  full_name: string;
}

/**
 * The invoice PDF linked from the payment step, generated on request from the database (no
 * files to keep). Reached only by its random token; an unknown token is simply not found.
 */
export async function invoicePdf(db: Database, token: string, orgName: string): Promise<Uint8Array | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const rows: InvoiceRow[] = await db.run((ds) =>
    ds.query(
      `SELECT i.invoice_number, i.issued_at, r.request_number, r.order_number, r.holder_name, r.company,
              t.name AS certificate_type, a.id_type, a.id_number, a.full_name
         FROM invoice i
         JOIN certificate_request r ON r.id = i.request_id
         JOIN certificate_type t ON t.id = r.certificate_type_id
         JOIN applicant a ON a.id = r.applicant_id
        WHERE i.token = ?`,
      [token],
    ),
  );
  const row = rows[0];
  if (!row) return null;
  const [y, m, d] = bogotaDay(toDate(row.issued_at)!).split('-');

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Factura ${row.invoice_number}`);
  pdf.setAuthor(orgName);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y0 = 780;
  const line = (text: string, options: { size?: number; strong?: boolean; gap?: number } = {}) => {
    page.drawText(text, { x: 56, y: y0, size: options.size ?? 11, font: options.strong ? bold : font, color: rgb(0.1, 0.15, 0.2) });
    y0 -= options.gap ?? 18;
  };
  line(orgName, { size: 18, strong: true, gap: 26 });
  line(`Factura ${row.invoice_number}`, { size: 14, strong: true, gap: 24 });
  line(`Fecha: ${d}/${m}/${y}`);
  line(`Cliente: ${row.full_name} (${row.id_type} ${row.id_number})`);
  line(`Orden Pedido No. ${row.order_number} - Solicitud ${row.request_number}`);
  line(`Producto: certificado de firma digital ${row.certificate_type}`);
  line(`Titular: ${row.holder_name}${row.company ? ` - ${row.company}` : ''}`, { gap: 30 });
  line('Pago verificado. Documento generado por el Sistema de Solicitudes de Productos y Servicios SSPS.', { size: 9 });
  return pdf.save();
}
