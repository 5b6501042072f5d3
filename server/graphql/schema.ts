import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';

/** The contract, read from graphql/schema/*.graphql: the same files codegen reads. */
export function loadTypeDefs(): string {
  const dir = path.join(projectRoot, 'graphql/schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
