// Runs once before the server tests: migrates one database and lets every test file start from a
// copy of it instead of running initdb and every migration again (PGlite's initdb alone takes
// seconds). On PostgreSQL the copy is a template database; on PGlite a dumped data directory.
// Seeded templates (tests/support/database.ts) are made beside it and go with it at the end.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { listMigrations } from '../../server/infra/db/migrate.ts';
import { createMigratedTemplate } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the file holding the migrated image; PostgreSQL: the template database's name. */
    sammenTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DB !== 'postgres') {
    const folder = await mkdtemp(path.join(tmpdir(), 'sammen-pglite-'));
    const file = path.join(folder, 'migrated.tar');
    await copyFile(await migratedImage(), file);
    project.provide('sammenTemplate', file);
    return async () => rm(folder, { recursive: true, force: true });
  }
  const template = await createMigratedTemplate();
  if (template.kind !== 'postgresql') throw new Error('TEST_DB=postgres made a PGlite template');
  project.provide('sammenTemplate', template.name);
  return template.drop;
}

const CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/sammen-tests');

/** Whether the process that took a lock still runs (no clocks: the libfaketime runs move theirs by years). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * The migrated PGlite image, kept between runs under node_modules/.cache by the migrations' content
 * and PGlite's version: `npm test` starts four PGlite runs at once (the PGlite suite and three
 * libfaketime instants), and initdb with every migration costs each of them a quarter of a minute.
 * The first one makes it under a lock (a file made exclusively, holding its process id); the others
 * wait for the image, and take the lock over only when the process that held it is gone.
 * The seeded images stay per run (tests/support/database.ts): they depend on the demo's code too.
 */
async function migratedImage(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version);
  for (const migration of listMigrations()) hash.update(migration.name).update(migration.sql);
  const file = path.join(CACHE, `migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  const lock = `${file}.lock`;
  await mkdir(CACHE, { recursive: true });
  while (!existsSync(file)) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(await readFile(lock, 'utf8').catch(() => '0'));
      if (holder && !running(holder)) await rm(lock, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (existsSync(file)) break;
      const template = await createMigratedTemplate();
      if (template.kind !== 'pglite') throw new Error('a PGlite run made a PostgreSQL template');
      const partial = `${file}.${process.pid}`;
      await writeFile(partial, Buffer.from(await template.image.arrayBuffer()));
      await rename(partial, file);
    } finally {
      await rm(lock, { force: true });
    }
  }
  return file;
}
