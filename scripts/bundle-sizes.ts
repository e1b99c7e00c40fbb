// npm run bundle-sizes: what the browser downloads before a page can show, per entry page, read
// from the built front end (dist/web and Vite's manifest; this script builds nothing). For each
// page: the entry chunk, the page's own chunk, the largest language's texts and every chunk they
// import statically, JavaScript and CSS, raw and compressed. Exits with 1 when a page's JavaScript
// is over its budget (gzip), so `npm test` fails when the first download grows past it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');
const MANIFEST = path.join(DIST, '.vite/manifest.json');
const KIB = 1024;

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The pages a visitor or a staff member opens first, the source of their chunk, and the budget for their JavaScript (gzip). */
const PAGES = [
  // The public pages load only the texts every page needs first (web/src/messages.ts).
  { name: 'Service catalogue (/tjenester)', source: 'src/pages/catalogue/CataloguePage.tsx', budgetKiB: 150, public: true },
  { name: 'Sign-in (/)', source: 'src/pages/SignIn.tsx', budgetKiB: 150, public: true },
  { name: 'Public model (/modell)', source: 'src/pages/handbook/ModelPage.tsx', budgetKiB: 150, public: true },
  // Signed-in pages, the family's included, have the staff pages' budget, with every text.
  { name: 'Min side (/min-side)', source: 'src/pages/MyPage.tsx', budgetKiB: 200, public: false },
  { name: 'Staff: children (/barn)', source: 'src/pages/People.tsx', budgetKiB: 200, public: false },
  { name: 'Staff: a child (/barn/:id)', source: 'src/pages/PersonPage.tsx', budgetKiB: 200, public: false },
  { name: 'Staff: team intake (/inntak)', source: 'src/pages/Intake.tsx', budgetKiB: 200, public: false },
  // The rich-text editor (TipTap/ProseMirror) comes after the page's first paint, in its own chunk.
  { name: 'Handbook editor (/admin/handbok/:id)', source: 'src/pages/handbook/PageEditor.tsx', budgetKiB: 200, public: false },
  // The trend charts (Recharts) come after the report's table, in their own chunk.
  { name: 'Annual report (/arsrapport)', source: 'src/pages/indicators/AnnualReport.tsx', budgetKiB: 200, public: false },
];
/** Each language's two parts: what every page loads first, and the rest the signed-in pages add. */
const LANGUAGES = ['nb', 'nn', 'en'].map((lang) => ({ lang, first: `../common/i18n/${lang}.first.ts`, rest: `../common/i18n/${lang}.rest.ts` }));

if (!existsSync(MANIFEST)) {
  console.error(`No build at ${path.relative(process.cwd(), DIST)}: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Chunk>;

function chunk(key: string): Chunk {
  const found = manifest[key];
  if (!found) throw new Error(`${key} is not in the build's manifest; has the page moved?`);
  return found;
}

/** The chunks and their static imports, each once. */
function closure(keys: string[]): Chunk[] {
  const seen = new Map<string, Chunk>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const c = chunk(key);
    seen.set(key, c);
    for (const next of c.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return [...seen.values()];
}

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

const sizeCache = new Map<string, Size>();
function sizeOf(file: string): Size {
  let size = sizeCache.get(file);
  if (!size) {
    const content = readFileSync(path.join(DIST, file));
    size = {
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizeCache.set(file, size);
  }
  return size;
}

function total(files: string[]): Size {
  return files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

const kib = (bytes: number) => (bytes / KIB).toFixed(1).padStart(7);

// The largest language stands for all three: a page must fit whichever the user reads.
const language = LANGUAGES
  .map((l) => ({ ...l, size: total(closure([l.first, l.rest]).map((c) => c.file)) }))
  .sort((a, b) => b.size.gzip - a.size.gzip)[0]!;

console.log(`Initial download per page, in KiB (language texts: ${language.lang}, the largest; public pages load only their first part)\n`);
console.log(`${'page'.padEnd(32)} ${'files'.padStart(5)} │ ${'JS raw'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)} ${'budget'.padStart(7)} │ ${'CSS raw'.padStart(7)} ${'gzip'.padStart(7)}`);
let over = 0;
for (const page of PAGES) {
  const chunks = closure(['index.html', page.source, language.first, ...(page.public ? [] : [language.rest])]);
  const js = total(chunks.map((c) => c.file));
  const css = total([...new Set(chunks.flatMap((c) => c.css ?? []))]);
  const fits = js.gzip <= page.budgetKiB * KIB;
  if (!fits) over++;
  console.log(
    `${page.name.padEnd(32)} ${String(chunks.length).padStart(5)} │ ${kib(js.raw)} ${kib(js.gzip)} ${kib(js.brotli)} ${String(page.budgetKiB).padStart(7)} │ ${kib(css.raw)} ${kib(css.gzip)}${fits ? '' : '  OVER BUDGET'}`,
  );
}
const everything = total(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
console.log(`\nAll JavaScript of the build: ${kib(everything.raw).trim()} raw, ${kib(everything.gzip).trim()} gzip, ${kib(everything.brotli).trim()} brotli.`);
if (over > 0) {
  console.error(`${over} page(s) over their JavaScript budget.`);
  process.exit(1);
}
