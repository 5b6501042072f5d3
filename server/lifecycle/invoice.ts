import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@foliojs-fork/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Font } from 'pdf-lib/cjs/types/fontkit.js';
import { bogotaDay } from '../calendar/bogota.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import QRCode from 'qrcode';
import { cufeUrl } from '../payments/cufe.js';
import { formatCop, type Price, type PriceList } from '../payments/prices.js';
import { Sealer } from '../sealed.js';

interface InvoiceRow {
  invoice_number: string;
  issued_at: Date | string;
  subtotal_cop: number | null;
  vat_cop: number | null;
  total_cop: number | null;
  cufe: string | null;
  type_code: string;
  request_number: number;
  order_number: number;
  holder_name: string;
  company: string | null;
  certificate_type: string;
  id_type: string;
  id_number: string;
  full_name: string;
}

const TOKEN_BYTES = 32;
/** How long the invoice link in the payment's e-mail opens the invoice. */
export const EMAIL_LINK_DAYS = 30;
const STORED = /^\/invoices\/([A-Za-z0-9_-]{43})$/;

/**
 * What the payment step stores: the invoice's random token, never shown as it is. The link a
 * reader gets is sealed from it when the detail is read (InvoiceLinks), so it expires like the
 * detail's handle.
 */
export function storedInvoiceUrl(token: string): string {
  return `/invoices/${token}`;
}

/**
 * Sealed, expiring invoice links: `/invoices/<XChaCha20-Poly1305 seal of the invoice's token and an
 * expiry>`, under a key of their own derived from SSPS_SECRET, alive for HANDLE_TTL_SECONDS
 * from the moment the detail showing them was read.
 */
export class InvoiceLinks {
  private readonly sealer: Sealer;

  constructor(secret: string, ttlSeconds: number) {
    this.sealer = new Sealer(secret, 'invoice-link/v1', TOKEN_BYTES, ttlSeconds);
  }

  /** The public link for a step's stored invoice reference; null if it is not one. */
  link(stored: string, now = Date.now(), ttlSeconds?: number): string | null {
    const token = STORED.exec(stored)?.[1];
    if (!token) return null;
    return `/invoices/${this.sealer.seal(Buffer.from(token, 'base64url'), now, ttlSeconds)}`;
  }

  /** The link the payment's e-mail carries: the same sealing, alive EMAIL_LINK_DAYS rather than a page's HANDLE_TTL_SECONDS. */
  emailLink(stored: string, now = Date.now()): string | null {
    return this.link(stored, now, EMAIL_LINK_DAYS * 86_400);
  }

  /** The invoice's token behind a live link's last segment, or null. */
  open(sealed: string, now = Date.now()): string | null {
    return this.sealer.open(sealed, now)?.payload.toString('base64url') ?? null;
  }
}

const requireFont = createRequire(import.meta.url);
// Noto covers Latin, Greek and Cyrillic; Arabic, Hebrew and Chinese (Han, kana) have fonts of their own.
const REGULAR = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
];
const BOLD = ['@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', ...REGULAR.slice(1)];

interface LoadedFont {
  bytes: Buffer;
  parsed: Font;
}

/**
 * Each font file is read and parsed once per process (the Chinese one is 10 MB). pdf-lib asks
 * its fontkit to parse the bytes on every embedding; this one hands back the parsed font.
 *
 * The fontkit is foliojs's maintained fork of fontkit 1.x rather than @pdf-lib/fontkit, whose
 * subsets of TrueType fonts come out with shifted glyph offsets (its `loca` bug, fixed upstream
 * in fontkit 1.8): most letters of Noto Sans were drawn blank.
 */
class FontCache {
  private readonly byFile = new Map<string, LoadedFont>();
  private readonly byBytes = new Map<Uint8Array, Font>();

  readonly fontkit = {
    create: (bytes: Uint8Array, postscriptName?: string) => this.byBytes.get(bytes) ?? fontkit.create(Buffer.from(bytes), postscriptName),
  };

  get(file: string): LoadedFont {
    let font = this.byFile.get(file);
    if (!font) {
      const bytes = readFileSync(requireFont.resolve(file));
      font = { bytes, parsed: fontkit.create(bytes) };
      this.byFile.set(file, font);
      this.byBytes.set(bytes, font.parsed);
    }
    return font;
  }
}

const fonts = new FontCache();

interface Run {
  font: number;
  text: string;
}

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LTR = /[\p{L}\p{N}]/u;

/**
 * Splits one line into runs in the order they are drawn, left to right, each with the first font
 * of the chain that has its glyphs. A character no font has becomes a visible replacement, never
 * an invisible glyph.
 *
 * Right-to-left words (Arabic, Hebrew…) are ordered as the Unicode bidirectional algorithm
 * orders them on a left-to-right line, in its simplest form: spaces and punctuation between two
 * right-to-left characters belong to them, anything else to the line; a right-to-left stretch's
 * runs are drawn last first, and fontkit lays out and shapes each run right to left itself.
 */
function fontRuns(text: string, chain: { hasGlyphForCodePoint(codePoint: number): boolean }[], replacement: string): Run[] {
  const characters: { text: string; font: number; rtl: boolean | null }[] = [];
  let previous: number | null = null;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // Control characters (a newline in a configured name) would break the line or draw nothing.
    let drawn = codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) ? ' ' : character;
    const has = (font: number) => chain[font].hasGlyphForCodePoint(drawn.codePointAt(0)!);
    // A letter takes the first font that has it; spaces, digits, punctuation and marks stay in the
    // run they are in, so an Arabic phrase is one run for fontkit to shape and lay out.
    const stays = previous !== null && !/\p{L}/u.test(drawn) && has(previous);
    let font: number = stays ? previous! : chain.findIndex((_, i) => has(i));
    if (font < 0) {
      drawn = replacement;
      font = 0;
    }
    characters.push({ text: drawn, font, rtl: RTL.test(drawn) ? true : LTR.test(drawn) ? false : null });
    previous = font;
  }
  // Neutral characters take the direction of the strong ones around them when both agree, else the line's.
  const after: boolean[] = [];
  for (let i = characters.length - 1, next = false; i >= 0; i--) {
    after[i] = next;
    next = characters[i].rtl ?? next;
  }
  for (let i = 0, before = false; i < characters.length; i++) {
    if (characters[i].rtl === null) characters[i].rtl = before && after[i];
    else before = characters[i].rtl!;
  }
  const runs: Run[] = [];
  let stretch: Run[] = [];
  const flush = () => {
    runs.push(...stretch.reverse());
    stretch = [];
  };
  let last: { font: number; rtl: boolean } | null = null;
  for (const c of characters) {
    const rtl = c.rtl!;
    if (!rtl && last?.rtl) flush();
    const into = rtl ? stretch : runs;
    if (last && last.font === c.font && last.rtl === rtl) into[into.length - 1].text += c.text;
    else into.push({ font: c.font, text: c.text });
    last = { font: c.font, rtl };
  }
  flush();
  return runs;
}

/** A font chain embedded into one document, each font only when some text needs it. */
class DocumentFonts {
  private readonly embedded = new Map<number, PDFFont>();
  private readonly loaded: LoadedFont[];
  readonly replacement: string;

  constructor(
    private readonly pdf: PDFDocument,
    files: string[],
  ) {
    this.loaded = files.map((file) => fonts.get(file));
    this.replacement = ['\uFFFD', '\u25A1', '?'].find((c) => this.loaded[0].parsed.hasGlyphForCodePoint(c.codePointAt(0)!))!;
  }

  async draw(page: PDFPage, text: string, x: number, y: number, size: number): Promise<void> {
    for (const run of fontRuns(text, this.loaded.map((f) => f.parsed), this.replacement)) {
      let font = this.embedded.get(run.font);
      if (!font) {
        font = await this.pdf.embedFont(this.loaded[run.font].bytes, { subset: true });
        this.embedded.set(run.font, font);
      }
      page.drawText(run.text, { x, y, size, font, color: rgb(0.1, 0.15, 0.2) });
      x += font.widthOfTextAtSize(run.text, size);
    }
  }
}

/**
 * The invoice PDF linked from the payment step, generated on request from the database (no
 * files to keep). Reached only through a live sealed link (InvoiceLinks); anything else is
 * simply not found.
 */
export class InvoiceService {
  constructor(
    private readonly db: Database,
    private readonly links: InvoiceLinks,
    /** Who issues the invoice (INVOICE_ISSUER_NAME, INVOICE_ISSUER_NIT, INVOICE_ISSUER_ADDRESS). */
    private readonly issuer: { name: string; nit: string; address: string },
    /** Prices an invoice written before amounts were recorded with it. */
    private readonly prices: PriceList,
  ) {}

  async pdf(sealed: string, now = Date.now()): Promise<Uint8Array | null> {
    const token = this.links.open(sealed, now);
    if (!token) return null;
    const rows: InvoiceRow[] = await this.db.run((ds) =>
      ds.query(
        `SELECT i.invoice_number, i.issued_at, i.subtotal_cop, i.vat_cop, i.total_cop, i.cufe, r.request_number, r.order_number, r.holder_name, r.company,
                t.code AS type_code, t.name AS certificate_type, a.id_type, a.id_number, a.full_name
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
    const price: Price =
      row.total_cop === null ? this.prices.priceOf(row.type_code) : { priceCop: Number(row.subtotal_cop), vatCop: Number(row.vat_cop), totalCop: Number(row.total_cop) };

    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fonts.fontkit);
    pdf.setTitle(`Factura ${row.invoice_number}`);
    pdf.setAuthor(this.issuer.name);
    const page = pdf.addPage([595, 842]);
    const regular = new DocumentFonts(pdf, REGULAR);
    const bold = new DocumentFonts(pdf, BOLD);
    let y0 = 780;
    const line = async (text: string, options: { size?: number; strong?: boolean; gap?: number; x?: number } = {}) => {
      await (options.strong ? bold : regular).draw(page, text, options.x ?? 56, y0, options.size ?? 11);
      y0 -= options.gap ?? 18;
    };
    /** A label and an amount on one line, the amount right-aligned at the same edge on every line. */
    const amount = async (label: string, pesos: number, strong = false) => {
      const text = formatCop(pesos);
      await (strong ? bold : regular).draw(page, label, 300, y0, 11);
      await (strong ? bold : regular).draw(page, text, 539 - widthOf(text, 11), y0, 11);
      y0 -= 18;
    };
    await line(this.issuer.name, { size: 18, strong: true, gap: 20 });
    await line(`NIT ${this.issuer.nit}`, { size: 10, gap: 14 });
    await line(this.issuer.address, { size: 10, gap: 28 });
    await line(`Factura ${row.invoice_number}`, { size: 14, strong: true, gap: 22 });
    await line(`Fecha: ${d}/${m}/${y}`, { gap: 26 });
    await line(`Cliente: ${row.full_name} (${row.id_type} ${row.id_number})`);
    await line(`Orden Pedido No. ${row.order_number} - Solicitud ${row.request_number}`);
    await line(`Titular: ${row.holder_name}${row.company ? ` - ${row.company}` : ''}`, { gap: 26 });
    await line(`Concepto: certificado de firma digital ${row.certificate_type}`, { gap: 26 });
    await amount('Subtotal', price.priceCop);
    await amount(`IVA (${Math.round((price.vatCop * 100) / Math.max(price.priceCop, 1))} %)`, price.vatCop);
    await amount('Total', price.totalCop, true);
    y0 -= 16;
    if (row.cufe) {
      await line('CUFE', { strong: true, size: 10, gap: 14 });
      await line(row.cufe.slice(0, 48), { size: 9, gap: 12 });
      await line(row.cufe.slice(48), { size: 9, gap: 14 });
      drawQr(page, cufeUrl(row.cufe), 56, y0 - 110, 110);
      y0 -= 130;
    }
    await line('Pago verificado. Documento generado por el Sistema de Solicitudes de Productos y Servicios SSPS.', { size: 9 });
    return pdf.save();
  }
}

/** Digits, the peso sign and separators are all in Noto Sans: its advance widths, read once. */
function widthOf(text: string, size: number): number {
  const font = fonts.get(REGULAR[0]).parsed;
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/** The QR code (qrcode's matrix, medium error correction) drawn as squares: sharp at any zoom, no image to embed. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) page.drawRectangle({ x: x + (col + quiet) * cell, y: y + size - (row + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}
