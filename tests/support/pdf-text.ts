import { inflateSync } from 'node:zlib';
import fontkit from '@foliojs-fork/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/** A stream's bytes, inflated when it is Flate-encoded (pdf-lib writes both kinds). */
function streamBytes(doc: PDFDocument, object: PDFObject | undefined): Buffer {
  const stream = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (stream instanceof PDFArray) return Buffer.concat(stream.asArray().map((part) => Buffer.concat([streamBytes(doc, part), Buffer.from('\n')])));
  if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
  const filter = stream.dict.get(PDFName.of('Filter'));
  return Buffer.from(filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents);
}

function streamText(doc: PDFDocument, object: PDFObject | undefined): string {
  return streamBytes(doc, object).toString('latin1');
}

/** Whether each glyph of the embedded font program has an outline (a broken subset draws blanks). */
function outlines(doc: PDFDocument, font: PDFDict): (glyph: string) => boolean {
  const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const file = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).get(PDFName.of('FontFile2'));
  const program = fontkit.create(streamBytes(doc, file));
  return (glyph) => {
    try {
      return program.getGlyph(parseInt(glyph, 16)).path.toSVG().length > 0;
    } catch {
      return false; // glyph data that does not even decode
    }
  };
}

/** The glyph → text map of a font's ToUnicode CMap (bfchar entries: pdf-lib writes no ranges). */
function toUnicode(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const cmap = font.get(PDFName.of('ToUnicode'));
  if (!cmap) return map;
  for (const [, glyph, utf16] of streamText(doc, cmap).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
    map.set(glyph.toLowerCase(), Buffer.from(utf16, 'hex').swap16().toString('utf16le'));
  }
  return map;
}

export interface PdfText {
  /** Each text-drawing operation's text, in the order drawn, decoded through its font's ToUnicode map. */
  runs: { font: string; text: string }[];
  /** Characters drawn whose glyph in the embedded font has no outline, spaces aside: what a reader would see blank. */
  blank: string[];
  /** One string per line (runs at the same height joined). */
  lines: string[];
  /** The embedded fonts' names, without the suffix pdf-lib adds. */
  fonts: string[];
  /** The first page's content stream, inflated: its drawing operators. */
  content: string;
}

/**
 * The text of a PDF's first page as a text extractor reads it: the content stream's
 * `Tf`/`Tj` operations, each glyph mapped back to characters through the font's ToUnicode
 * CMap; and whether each glyph drawn has an outline in the embedded font program. Only what
 * pdf-lib writes (hex strings, Type0 TrueType fonts) is understood.
 */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const fontsDict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const fonts = new Map<string, { name: string; glyphs: Map<string, string>; drawn: (glyph: string) => boolean }>();
  for (const [key, ref] of fontsDict.entries()) {
    const font = doc.context.lookup(ref, PDFDict);
    const name = font.get(PDFName.of('BaseFont'))!.toString().replace(/^\/([A-Z]{6}\+)?/, '').replace(/-\d+$/, '');
    fonts.set(key.toString(), { name, glyphs: toUnicode(doc, font), drawn: outlines(doc, font) });
  }
  const content = streamText(doc, page.node.get(PDFName.of('Contents')));
  const runs: PdfText['runs'] = [];
  const lines: string[] = [];
  const blank: string[] = [];
  let current: { name: string; glyphs: Map<string, string>; drawn: (glyph: string) => boolean } | undefined;
  let lastY: string | null = null;
  for (const [, fontKey, y, hex] of content.matchAll(/(\/\S+) [\d.]+ Tf|1 0 0 1 [\d.-]+ ([\d.-]+) Tm|<([0-9a-fA-F]*)> Tj/g)) {
    if (fontKey) current = fonts.get(fontKey);
    else if (y !== undefined) {
      if (y !== lastY) lines.push('');
      lastY = y;
    } else if (current) {
      const glyphs = hex.match(/.{4}/g) ?? [];
      const text = glyphs.map((g) => current!.glyphs.get(g.toLowerCase()) ?? '\u0000').join('');
      for (const g of glyphs) {
        const character = current.glyphs.get(g.toLowerCase()) ?? '\u0000';
        if (!/^\s$/u.test(character) && !current.drawn(g)) blank.push(character);
      }
      runs.push({ font: current.name, text });
      lines[lines.length - 1] += text;
    }
  }
  return { runs, lines, blank, fonts: [...new Set([...fonts.values()].map((f) => f.name))], content };
}
