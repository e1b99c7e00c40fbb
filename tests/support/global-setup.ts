// Runs once before the server tests: migrates one database and lets every test file start from a
// copy of it instead of running initdb and every migration again (PGlite's initdb alone takes
// seconds). On PostgreSQL the copy is a template database; on PGlite a dumped data directory.
// Seeded templates (tests/support/database.ts) are made beside it and go with it at the end.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createMigratedTemplate } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the file holding the migrated image; PostgreSQL: the template database's name. */
    sammenTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createMigratedTemplate();
  if (template.kind === 'pglite') {
    const folder = await mkdtemp(path.join(tmpdir(), 'sammen-pglite-'));
    const file = path.join(folder, 'migrated.tar');
    await writeFile(file, Buffer.from(await template.image.arrayBuffer()));
    project.provide('sammenTemplate', file);
    return async () => rm(folder, { recursive: true, force: true });
  }
  project.provide('sammenTemplate', template.name);
  return template.drop;
}
