import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Every error is logged through `safeError` (the `err` serializer): TypeORM and mysql2 put the
 * statement, its parameters and the expanded SQL on their errors, and the database quotes
 * values in its messages ("Duplicate entry '1013592259' for key …"), so logging an error
 * object as it is would write ID numbers, names, e-mails and tokens to the log.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'ssps' }, redact: ['req.headers.authorization'], serializers: { err: safeError } };
  return destination ? pino(options, destination) : pino(options);
}

export interface SafeError {
  type: string;
  message: string;
  code?: string | number;
  errno?: number;
  sqlState?: string;
  /** The frames only: a stack's first line repeats the message unscrubbed. */
  stack?: string;
  cause?: SafeError;
}

/** What of an error may be logged: its class, codes, a scrubbed message, its frames and cause. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: '' };
  const e = error as Record<string, unknown>;
  // TypeORM's QueryFailedError keeps the driver's codes on driverError.
  const driver = typeof e.driverError === 'object' && e.driverError !== null ? (e.driverError as Record<string, unknown>) : {};
  const field = (name: string) => e[name] ?? driver[name];
  const safe: SafeError = { type: error.constructor?.name ?? 'Object', message: typeof e.message === 'string' ? scrub(e.message) : '' };
  const code = field('code');
  if (typeof code === 'string' || typeof code === 'number') safe.code = code;
  const errno = field('errno');
  if (typeof errno === 'number') safe.errno = errno;
  const sqlState = field('sqlState');
  if (typeof sqlState === 'string') safe.sqlState = sqlState;
  if (typeof e.stack === 'string') safe.stack = e.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  if (e.cause !== undefined && depth < 3) safe.cause = safeError(e.cause, depth + 1);
  return safe;
}

/**
 * A message without the values in it. Databases quote the value first ("Duplicate entry '…'
 * for key …", "Data too long for column '…'"), and a quoted value may itself hold a quote
 * (O'BRIEN), so everything from the first quote on goes; so do e-mail addresses and runs of
 * five or more digits (ID numbers) before it.
 */
export function scrub(message: string): string {
  const quote = message.search(/['"`<]/);
  const kept = quote === -1 ? message : `${message.slice(0, quote)}…`;
  return kept
    .replace(/[^\s@]+@[^\s@]+/g, '…')
    .replace(/\d{5,}/g, '…')
    .slice(0, 300);
}
