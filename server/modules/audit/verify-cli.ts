// `npm run audit:verify`: seals what can be sealed, then recomputes the audit log's hash chain and
// names the first event that no longer matches. Exit code 0: intact; 1: broken; 2: could not check.
// Connects as DATABASE_URL (the application role suffices), or opens PGlite under DATA_DIR: stop the
// server first then, as PGlite allows one process at a time.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../infra/db/database.ts';
import { describeVerification, sealCommitted, verifyAuditChain } from './chain.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await sealCommitted(database.db);
    const result = await verifyAuditChain(database.db);
    (result.ok ? console.log : console.error)(describeVerification(result));
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`The audit log could not be verified: ${(error as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
