import type { Logger as TypeOrmLogger } from 'typeorm';

/** A query logger that keeps every SQL statement a Database sends (its text, never its values), to count round trips. */
export function statementRecorder(statements: string[]): TypeOrmLogger {
  return {
    logQuery: (query) => void statements.push(query),
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
}
