// A lint probe (see tests/lint-probes/infra/imports-a-module.ts) for the type-aware rules.
async function save(): Promise<void> {}

export function run(kind: 'a' | 'b'): number {
  // eslint-disable-next-line @typescript-eslint/no-floating-promises -- a promise nobody awaits
  save();
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- 'b' is missing
  switch (kind) {
    case 'a':
      return 1;
  }
  return 0;
}

export async function runAwaited(kind: 'a' | 'b'): Promise<number> {
  await save();
  switch (kind) {
    case 'a':
      return 1;
    case 'b':
      return 2;
  }
}
