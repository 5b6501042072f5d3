import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The arrows of docs/ARCHITECTURE.md, read from the code itself (TypeScript's own import scanner).
const root = path.resolve(import.meta.dirname, '../..');
const ROOMS = ['app', 'graphql', 'server', 'entities', 'bench'];

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.parentPath.includes('generated'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const files = ROOMS.flatMap(sources);
const known = new Set(files);

/** Each file's imports of the project's own files (type-only imports included: they are arrows too). */
const imports = new Map<string, string[]>(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.join(path.dirname(file), name).replace(/\.js$/, ''))
      .map((base) => [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => known.has(f)))
      .filter((f): f is string => f !== undefined);
    return [file, targets];
  }),
);

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    trail.push(file);
    for (const next of imports.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the one-way arrows between the rooms (docs/ARCHITECTURE.md)', () => {
  it('has no circle between files', () => {
    // Except TypeORM's two sides of one relation (Applicant.requests / CertificateRequest.applicant),
    // which each entity names lazily (`() => Other`): both ends must be entities.
    const relations = (cycle: string[]) => cycle.every((f) => f.startsWith('entities/'));
    expect(cycles().filter((c) => !relations(c))).toEqual([]);
  });

  it('keeps the pages off the server: app/ imports neither server/ nor entities/', () => {
    const wrong = files.filter((f) => f.startsWith('app/')).flatMap((f) => imports.get(f)!.filter((t) => t.startsWith('server/') || t.startsWith('entities/')).map((t) => `${f} -> ${t}`));
    expect(wrong).toEqual([]);
  });

  it('keeps what lies below the features below them: db/, observability/ and entities/ import no capability', () => {
    const lower = (f: string) => f.startsWith('server/db/') || f.startsWith('server/observability/') || /^server\/[^/]+\.ts$/.test(f);
    const below = files.filter((f) => f.startsWith('server/db/') || f.startsWith('server/observability/') || f.startsWith('entities/'));
    const wrong = below.flatMap((f) => imports.get(f)!.filter((t) => t.startsWith('server/') && !lower(t)).map((t) => `${f} -> ${t}`));
    expect(wrong).toEqual([]);
  });

  it('keeps the running service off the tools: nothing in server/ imports bench/ or tests/', () => {
    const wrong = files.filter((f) => f.startsWith('server/')).flatMap((f) => imports.get(f)!.filter((t) => t.startsWith('bench/')).map((t) => `${f} -> ${t}`));
    expect(wrong).toEqual([]);
  });
});
