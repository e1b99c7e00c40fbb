// A transaction's BEGIN goes to PostgreSQL together with its first statement, and a statement
// nothing waits for (the audit rows) together with its COMMIT, not each in a round trip of its own
// (server/infra/db/pipelined.ts). Seen on the wire: the app's pool connects through a relay that
// records which way each chunk went, so the test sees whether a message left before the one ahead
// of it was answered. And the transaction must still be one: the first statement runs inside it, and
// a failure anywhere, the statement sent with COMMIT included, undoes all of it.
import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { executeBeforeCommit } from '../../server/infra/db/pipelined.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../support/database.ts';

interface Chunk {
  from: 'app' | 'database';
  bytes: Buffer;
}

let t: TestDatabase;
let relay: net.Server;
let wire: Chunk[] = [];
let database: Database;

/** PostgreSQL's simple-query message for BEGIN: 'Q', its length, the text and a NUL. */
const BEGIN_MESSAGE = Buffer.concat([Buffer.from('Q'), Buffer.from([0, 0, 0, 10]), Buffer.from('begin\0')]);
const COMMIT_MESSAGE = Buffer.concat([Buffer.from('Q'), Buffer.from([0, 0, 0, 11]), Buffer.from('commit\0')]);

beforeAll(async () => {
  if (TEST_DB !== 'postgres') return;
  t = await createTestDatabase();
  const target = new URL(t.urls!.app);
  relay = net.createServer((app) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    app.on('data', (bytes) => {
      wire.push({ from: 'app', bytes });
      server.write(bytes);
    });
    server.on('data', (bytes) => {
      wire.push({ from: 'database', bytes });
      app.write(bytes);
    });
    app.on('close', () => server.destroy());
    server.on('close', () => app.destroy());
    app.on('error', () => server.destroy());
    server.on('error', () => app.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const viaRelay = new URL(t.urls!.app);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String((relay.address() as net.AddressInfo).port);
  database = await openDatabase({ databaseUrl: viaRelay.href, dataDir: 'memory' });
  await database.db.selectFrom('municipality').select('id').execute(); // connects and signs in
});
afterAll(async () => {
  await database?.close();
  await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
  await t?.drop();
});

/** What the app sent from the chunk holding these bytes until the database's first answer after it. */
function sentWith(bytes: Buffer): Buffer {
  const at = wire.findIndex((chunk) => chunk.from === 'app' && chunk.bytes.includes(bytes));
  expect(at, `${bytes.toString('latin1')} was sent`).toBeGreaterThanOrEqual(0);
  const sent: Buffer[] = [];
  for (const chunk of wire.slice(at)) {
    if (chunk.from === 'database') break;
    sent.push(chunk.bytes);
  }
  return Buffer.concat(sent);
}

const appSent = (message: Buffer) => wire.some((chunk) => chunk.from === 'app' && chunk.bytes.includes(message));

describe.skipIf(TEST_DB !== 'postgres')('BEGIN with the first statement, COMMIT with the last', () => {
  it('sends the first statement before BEGIN is answered, and runs it inside the transaction', async () => {
    wire = [];
    const ids = await database.db.transaction().execute(async (trx) => {
      const first = await sql<{ id: string }>`SELECT txid_current()::text AS id, 'first statement' AS marker`.execute(trx);
      const second = await sql<{ id: string }>`SELECT txid_current()::text AS id`.execute(trx);
      return [first.rows[0]!.id, second.rows[0]!.id];
    });
    expect(sentWith(BEGIN_MESSAGE).includes(Buffer.from('first statement'))).toBe(true);
    // One transaction id for both: the first statement did not run on its own before BEGIN.
    expect(ids[0]).toBe(ids[1]);
    expect(appSent(COMMIT_MESSAGE)).toBe(true);
  });

  it('undoes the first statement when the transaction fails later', async () => {
    const code = '9981';
    await expect(database.db.transaction().execute(async (trx) => {
      await trx.insertInto('municipality').values({ code, name: 'Angrevik kommune' }).execute();
      await sql`SELECT 1 / 0`.execute(trx);
    })).rejects.toThrow(/division by zero/);
    expect(await database.db.selectFrom('municipality').select('id').where('name', '=', 'Angrevik kommune').execute()).toEqual([]);
    // The connection goes on serving transactions.
    await database.db.transaction().execute((trx) => trx.insertInto('municipality').values({ code, name: 'Angrevik kommune' }).execute());
    expect(await database.db.selectFrom('municipality').select('id').where('name', '=', 'Angrevik kommune').execute()).toHaveLength(1);
  });

  it('a transaction that sends nothing sends neither BEGIN nor COMMIT', async () => {
    wire = [];
    expect(await database.db.transaction().execute(async () => 'nothing to ask')).toBe('nothing to ask');
    expect(appSent(BEGIN_MESSAGE)).toBe(false);
    expect(appSent(COMMIT_MESSAGE)).toBe(false);
  });

  it('sends a statement nothing waits for together with COMMIT, and commits it', async () => {
    wire = [];
    await database.db.transaction().execute(async (trx) => {
      await sql`SELECT 'read first'`.execute(trx);
      await executeBeforeCommit(trx, trx.insertInto('municipality').values({ code: '9982', name: 'Sendevik kommune' }));
    });
    expect(sentWith(Buffer.from('Sendevik kommune')).includes(COMMIT_MESSAGE)).toBe(true);
    expect(await database.db.selectFrom('municipality').select('id').where('name', '=', 'Sendevik kommune').execute()).toHaveLength(1);
  });

  it('undoes the whole transaction when the statement sent with COMMIT fails, and says why', async () => {
    await expect(database.db.transaction().execute(async (trx) => {
      await trx.insertInto('municipality').values({ code: '9983', name: 'Feilvik kommune' }).execute();
      // The same code twice: the unique constraint refuses it only when COMMIT is already on its way.
      await executeBeforeCommit(trx, trx.insertInto('municipality').values({ code: '9983', name: 'Feilvik kommune' }));
    })).rejects.toMatchObject({ code: '23505' });
    expect(await database.db.selectFrom('municipality').select('id').where('name', '=', 'Feilvik kommune').execute()).toEqual([]);
    await database.db.transaction().execute((trx) => trx.insertInto('municipality').values({ code: '9983', name: 'Feilvik kommune' }).execute());
    expect(await database.db.selectFrom('municipality').select('id').where('name', '=', 'Feilvik kommune').execute()).toHaveLength(1);
  });
});
