// The lint (eslint.config.js) refuses what it promises to refuse: an import against the layers,
// a floating promise, a switch that misses a case. Each snippet is linted in memory at a path in
// the repository, with the repository's own rules; as the file is not on disk, TypeScript sees it
// through the repository's tsconfig as a project of its own (which is also quicker to build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.line}: ${m.ruleId ?? m.message}`);
}

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    cache: false,
    overrideConfig: {
      files: ['**/lint-probe.ts'],
      languageOptions: {
        parserOptions: { projectService: { allowDefaultProject: ['*/*/lint-probe.ts', '*/*/*/lint-probe.ts'], defaultProject: 'tsconfig.json' } },
      },
    },
  });
});

describe('lint', () => {
  it('refuses an import from a module into infra, and names the layer rule', async () => {
    const code = [
      "import { CONSENT_PURPOSES } from '../../modules/consent/rules.ts';",
      'export const purposes = CONSENT_PURPOSES;',
      '',
    ].join('\n');
    expect(await problems('server/infra/http/lint-probe.ts', code)).toEqual(['1: boundaries/dependencies']);
  });

  it('refuses the demo in a module, the server in the web, and server or web in common', async () => {
    expect(await problems('server/modules/people/lint-probe.ts', "export { createIdAllocator } from '../../demo/population.ts';\n"))
      .toEqual(['1: boundaries/dependencies']);
    expect(await problems('web/src/lint-probe.ts', "export { osloDate } from '../../common/dates.ts';\nexport type { Db } from '../../server/infra/db/database.ts';\n"))
      .toEqual(['2: boundaries/dependencies']);
    expect(await problems('common/i18n/lint-probe.ts', "export type { Config } from '../../server/config.ts';\n"))
      .toEqual(['1: boundaries/dependencies']);
  });

  it('lets tests import anything', async () => {
    expect(await problems('tests/server/lint-probe.ts', "export type { Db } from '../../server/infra/db/database.ts';\nexport { createIdAllocator } from '../../server/demo/population.ts';\n"))
      .toEqual([]);
  });

  it('refuses a floating promise and a switch that misses a member of its union', async () => {
    const code = [
      'async function save(): Promise<void> {}',
      'export function run(kind: "a" | "b"): number {',
      '  save();',
      '  switch (kind) {',
      '    case "a": return 1;',
      '  }',
      '  return 0;',
      '}',
      '',
    ].join('\n');
    expect(await problems('server/modules/people/lint-probe.ts', code)).toEqual([
      '3: @typescript-eslint/no-floating-promises',
      '4: @typescript-eslint/switch-exhaustiveness-check',
    ]);
  });

  it('passes the same code once the promise is awaited and every case is named', async () => {
    const code = [
      'async function save(): Promise<void> {}',
      'export async function run(kind: "a" | "b"): Promise<number> {',
      '  await save();',
      '  switch (kind) {',
      '    case "a": return 1;',
      '    case "b": return 2;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await problems('server/modules/people/lint-probe.ts', code)).toEqual([]);
  });
});
