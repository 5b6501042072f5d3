/** Paths answered as they are; every other path is named by its kind, never by what it carries (a draft id, a token). */
const EXACT = new Set(['/graphql', '/captcha/challenge', '/healthz', '/readyz', '/metrics', '/payments/wompi/events', '/', '/consulta', '/solicitud', '/solicitud/correccion', '/terminos', '/privacidad', '/operaciones', '/descarga', '/pki/crl', '/pki/ca.crt']);

/**
 * The route of a request as logs and metrics name it: a few known shapes, with their variable
 * parts replaced, so a label never holds an identifier and the set of labels stays small.
 */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0];
  if (EXACT.has(pathname)) return pathname;
  if (pathname.startsWith('/invoices/')) return '/invoices/:link';
  if (pathname.startsWith('/applications/')) return '/applications/:draft/documents/:kind';
  if (pathname.startsWith('/corrections/')) return pathname.startsWith('/corrections/documents/') ? '/corrections/documents/:kind' : '/corrections/current';
  if (pathname.startsWith('/operaciones/documentos/')) return '/operaciones/documentos/:id';
  if (pathname.startsWith('/operaciones/')) return /^\/operaciones\/(login|callback|logout|session)$/.test(pathname) ? pathname : '/operaciones/*';
  if (pathname.startsWith('/dev-oidc')) return '/dev-oidc/*';
  if (pathname.startsWith('/_next/')) return '/_next/*';
  return 'other';
}
