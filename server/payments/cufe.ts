/**
 * DIAN's CUFE (Código Único de Factura Electrónica, Resolución 000042 de 2020, Anexo técnico
 * 1.8): the SHA-384 of the invoice's fields, 96 hexadecimal characters. Stored lowercase; null
 * when the value is not one.
 */
export function parseCufe(value: string): string | null {
  const cufe = value.trim().toLowerCase();
  return /^[0-9a-f]{96}$/.test(cufe) ? cufe : null;
}

/** Where DIAN's catalogue shows an electronic invoice by its CUFE: what the invoice's QR code holds. */
export function cufeUrl(cufe: string): string {
  return `https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=${cufe}`;
}
