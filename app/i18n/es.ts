// What the applicant reads (es-CO). Wording changes here, never in components.
export const es = {
  siteName: 'SSPS — Sistema de Solicitudes de Productos y Servicios',
  placeholderTitle: 'Estado del trámite de su certificado de firma digital',
  placeholderBody:
    'Muy pronto podrá consultar aquí el estado de su solicitud y el serial de su certificado de firma digital. Mientras tanto, la consulta está disponible para portales aliados a través de la API GraphQL en /graphql.',
} as const;
