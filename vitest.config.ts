import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    tags: [
      {
        name: 'calendar',
        description: "Depends on Oslo's calendar (dates, ages, deadlines, days waited): scripts/test-dates.sh runs these tests again under libfaketime at the instants where date code breaks.",
      },
    ],
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/security/**/*.test.ts'],
          // Every test file starts from one migrated database made here (a template or an image).
          globalSetup: ['tests/support/global-setup.ts'],
          // A worker imports the server once and runs its files one after another, instead of
          // importing it again for each file: a third of the suite's CPU. Each file still gets its
          // own database and app (tests/support/app.ts); module state that outlives a file is held
          // per published version or per app, never per test (docs/architecture.md, "Tests").
          isolate: false,
          // A timeout is there to end a test that hangs, not to time one: the test command runs every
          // stage at once on two cores, and a busy machine runs a test several times slower.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // As the server tests: and a worker's files share one Chromium (tests/browser/support.ts).
          isolate: false,
          // As the server tests; a step that hangs ends at playwright's own timeout (openPage).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // A page that has not settled within a second is slow, not wrong, when two Chromiums share
          // two cores: poll as long as playwright waits for an element (openPage's default timeout).
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
