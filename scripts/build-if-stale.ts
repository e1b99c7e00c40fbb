// `npm start` runs this first: it builds the front end only when there is no build yet, or when a
// source of it changed after the last build (a file or folder under web/ or common/, the Vite
// configuration, or the dependencies is newer than dist/web/.vite/manifest.json, which Vite
// writes last). `--check` only says whether a build is needed (exit 0: up to date, 1: stale).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(ROOT, 'dist/web/.vite/manifest.json');
const SOURCES = ['web', 'common', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest change under a path: files, and folders too (a deleted file changes its folder). */
function newest(target: string): { time: number; file: string } {
  if (!existsSync(target)) return { time: 0, file: target };
  const stat = statSync(target);
  let best = { time: stat.mtimeMs, file: target };
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const candidate = newest(path.join(target, entry.name));
      if (candidate.time > best.time) best = candidate;
    }
  }
  return best;
}

/** Why the build is stale, or null when it is up to date. */
function staleReason(): string | null {
  if (!existsSync(MANIFEST)) return 'no build yet';
  const built = statSync(MANIFEST).mtimeMs;
  const changed = SOURCES.map((s) => newest(path.join(ROOT, s))).sort((a, b) => b.time - a.time)[0]!;
  return changed.time > built ? `${path.relative(ROOT, changed.file)} changed after the last build` : null;
}

const reason = staleReason();
if (process.argv.includes('--check')) {
  console.log(reason ? `The front end needs a build: ${reason}.` : 'The front end build is up to date.');
  process.exit(reason ? 1 : 0);
}
if (!reason) {
  console.log('The front end build is up to date (dist/web).');
} else {
  console.log(`Building the front end: ${reason}.`);
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
