import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createLogger, safeError, scrub } from '../../server/log.js';

describe('what of an error may be logged', () => {
  it('cuts a message at its first quote, and drops e-mail addresses and long digit runs before it', () => {
    expect(scrub("Duplicate entry 'JOHN O'BRIEN' for key 'uq_applicant_identity'")).toBe('Duplicate entry …');
    expect(scrub('Data too long for column `full_name` at row 1')).toBe('Data too long for column …');
    expect(scrub('550 5.1.1 luisa.prueba@example.com: Recipient address rejected')).toBe('550 5.1.1 … Recipient address rejected');
    expect(scrub('no applicant 1013592259 here')).toBe('no applicant … here');
    expect(scrub('UNIQUE constraint failed: notification_outbox.recipient')).toBe('UNIQUE constraint failed: notification_outbox.recipient');
  });

  it("keeps a query error's class and codes, never its statement, parameters or the stack's first line", () => {
    const driverError = Object.assign(new Error("Duplicate entry 'luisa.prueba@example.com' for key 'ux'"), { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', sql: "INSERT … VALUES ('luisa.prueba@example.com')" });
    const error = new QueryFailedError('INSERT INTO notification_outbox (recipient) VALUES (?)', ['luisa.prueba@example.com'], driverError);
    const safe = safeError(new Error('database unavailable', { cause: error }));
    expect(safe.cause).toMatchObject({ type: 'QueryFailedError', code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', message: 'Duplicate entry …' });
    expect(JSON.stringify(safe)).not.toMatch(/luisa|INSERT|VALUES/);
  });

  it('is how the logger writes every err', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    log.error({ err: new QueryFailedError('SELECT ?', ['1013592259'], new Error("Unknown column '1013592259'")) }, 'failed');
    log.error(Object.assign(new Error('token rejected'), { token: 'secret-token' }));
    expect(lines.join('')).not.toMatch(/1013592259|secret-token|SELECT/);
    expect(JSON.parse(lines[0]).err).toMatchObject({ type: 'QueryFailedError', message: 'Unknown column …' });
  });
});
