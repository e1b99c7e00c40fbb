// Fills the database with the demo municipality:
//   npx node server/demo/cli.ts --children 2000 [--seed 2026] [--reference-date 2026-08-15]
// Opens the database as the server does (DATABASE_URL, else PGlite under DATA_DIR) and migrates it first.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../infra/db/setup.ts';
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED, DemoDataExistsError, DemoOptionsError, generateDemoData } from './generate.ts';

const USAGE = 'Usage: npx node server/demo/cli.ts --children N [--seed S] [--reference-date YYYY-MM-DD]';

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        children: { type: 'string' },
        seed: { type: 'string' },
        'reference-date': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let children: number | undefined;
  let seed: number;
  try {
    children = wholeNumber(args.children, 'children');
    seed = wholeNumber(args.seed, 'seed') ?? DEFAULT_SEED;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (children === undefined) {
    console.error(`Say how many children to generate.\n${USAGE}`);
    return 2;
  }
  const referenceDate = args['reference-date'] ?? DEFAULT_REFERENCE_DATE;

  const config = loadConfig();
  const { database } = await openMigratedDatabase(config);
  try {
    const started = performance.now();
    const summary = await generateDemoData(database.db, { children, seed, referenceDate, populationRegisterFile: config.populationRegisterFile, activityYears: 3 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Demo data for Fjordvik kommune (${database.kind}, seed ${seed}, reference date ${referenceDate}):`);
    console.table(summary);
    console.log(`Done in ${seconds.toFixed(1)} s.`);
    return 0;
  } catch (error) {
    if (error instanceof DemoDataExistsError) {
      console.error(`${error.message}\nNothing was changed. Use an empty database (a new DATA_DIR or DATABASE_URL) for demo data.`);
      return 1;
    }
    if (error instanceof DemoOptionsError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
