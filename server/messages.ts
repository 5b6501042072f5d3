import type { IdNumberProblem } from '../graphql/id-number.js';
import type { RecordTextProblem } from './names.js';

// What the applicant reads (es-CO): each message says what to do next.
export const messages = {
  CAPTCHA_MISSING: 'Resuelva el código de seguridad (CAPTCHA) antes de consultar.',
  CAPTCHA_INVALID: 'El código de seguridad (CAPTCHA) no es válido o ya venció. Resuélvalo de nuevo y vuelva a consultar.',
  CAPTCHA_REUSED: 'Este código de seguridad (CAPTCHA) ya fue usado en otra consulta. Resuélvalo de nuevo para consultar otra vez.',
  NOT_FOUND: 'No encontramos esa solicitud o el enlace ya venció. Vuelva a hacer la consulta para ver sus solicitudes.',
  SERVICE_UNAVAILABLE: 'El servicio de consulta no está disponible en este momento. Intente de nuevo en unos minutos.',
  INTERNAL_SERVER_ERROR: 'Ocurrió un error inesperado. Intente de nuevo; si persiste, comuníquese con nuestro Call Center.',
  RATE_LIMITED: 'Ha hecho demasiadas consultas seguidas. Por seguridad, espere {wait} antes de intentarlo de nuevo.',
  UNAUTHENTICATED: 'La llave de API no es válida, fue revocada o venció. Solicite una nueva a la entidad certificadora.',
  ORDER_NUMBER_REQUIRED: 'Ingrese el número de la orden de pedido (Orden Pedido No.) de esta solicitud para ver su detalle.',
  ONE_LOOKUP_PER_OPERATION: 'Cada operación puede consultar las solicitudes de una sola persona (un solo certificateRequests).',
  KEY_REQUIRED: 'Esta operación requiere una llave de API (Authorization: Bearer <llave>).',
  OPERATOR_REQUIRED: 'Esta operación es de los operadores: ingrese a la consola de operadores (/operaciones) o use una llave de API de operador.',
  SESSION_ENDED: 'Su sesión en la consola de operadores terminó (salió, estuvo inactiva o venció). Ingrese de nuevo.',
  CONSOLE_CSRF: 'La consola no pudo verificar esta petición (token CSRF u origen no válido). Recargue la página de la consola e intente de nuevo.',
  OPERATORS_ONLY: 'Solo los operadores de la entidad certificadora pueden hacer esta operación.',
  TEXT_LENGTH: 'Debe tener entre {min} y {max} caracteres, sin caracteres de control.',
  CUFE_FORMAT: 'El CUFE de la DIAN tiene 96 caracteres hexadecimales (0-9, a-f); revise que lo copió completo.',
  NO_SUBSCRIPTIONS: 'Este servicio no ofrece suscripciones; use consultas (query).',
  PAYLOAD_TOO_LARGE: 'La petición es demasiado grande.',
  INVALID_QUERY: 'La consulta GraphQL no es válida',
  PERSON_NAME: {
    LENGTH: 'El nombre debe tener entre 2 y 200 caracteres.',
    INVISIBLE_CHARACTERS: 'El nombre tiene caracteres invisibles o de control (por ejemplo, espacios de ancho cero o marcas de dirección del texto): quítelos.',
    TOO_FEW_LETTERS: 'El nombre debe tener al menos dos letras.',
  } satisfies Record<RecordTextProblem, string>,
  INTROSPECTION_DISABLED: 'este servicio no permite consultar la descripción de su esquema (introspección).',
  ID_NUMBER: {
    REQUIRED: 'Ingrese el número de identificación del solicitante.',
    DIGITS_ONLY: 'El número de identificación solo puede tener dígitos (sin letras ni guiones).',
    ALPHANUMERIC_ONLY: 'El número de pasaporte solo puede tener letras y dígitos.',
    LENGTH: 'El número de identificación debe tener entre {min} y {max} caracteres.',
    NIT_CHECK_DIGIT: 'El dígito de verificación del NIT no corresponde. Escríbalo con su dígito de verificación, por ejemplo 900123456-8.',
  } satisfies Record<IdNumberProblem, string>,
  // What operators read in the console.
  CONSOLE: {
    SEARCH_TEXT: 'Escriba qué buscar: un número de identificación, un nombre, o un número de solicitud, de orden de pedido o de serie (hasta 200 caracteres).',
    SEARCH_NAME: 'Para buscar por nombre escriba al menos dos letras del comienzo del nombre, sin caracteres invisibles.',
    PAGE_SIZE: 'Pida entre 1 y {max} resultados por página.',
    CURSOR: 'La página pedida no es válida: vuelva a la primera página.',
    DUE_STATE_OPEN_ONLY: 'El plazo solo aplica a las solicitudes en trámite (radicación, pago, aprobación o entrega).',
    DATE: 'La fecha debe tener el formato aaaa-mm-dd.',
    DATE_RANGE: 'La fecha final no puede ser anterior a la inicial.',
    REQUEST_NOT_FOUND: 'No existe la solicitud {n}.',
  },
} as const;
