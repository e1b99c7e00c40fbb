// A transaction's BEGIN travels with its first statement, and a statement nothing waits for (the
// request's audit rows) travels with its COMMIT, instead of each in a round trip of its own. Every
// guarded request is a transaction (its reads, its writes and its audit rows commit together), so
// each paid two round trips for BEGIN and COMMIT alone: wake-ups of the database and of the server
// with nothing to compute. The connection runs in pg's pipeline mode, so the messages are written
// back to back and PostgreSQL answers them in one go (decision 0040, docs/performance.md).
// A transaction that sends nothing sends no BEGIN and no COMMIT either.
import { CompiledQuery, PostgresDialect, type Compilable, type DatabaseConnection, type Driver, type QueryCompiler, type QueryResult, type TransactionSettings } from 'kysely';
import type { Tx } from './database.ts';

const BEGIN = CompiledQuery.raw('begin');
/** Statements handed to executeBeforeCommit(): the connection holds them until the next statement or COMMIT. */
const BEFORE_COMMIT = new WeakSet<CompiledQuery>();

/**
 * Runs a statement of the transaction whose answer nothing waits for. On PostgreSQL it is sent with
 * whatever the transaction sends next (usually COMMIT), so it costs no round trip of its own; if it
 * fails, PostgreSQL turns the COMMIT into a rollback and commit fails with the statement's error. On
 * PGlite it runs at once.
 */
export async function executeBeforeCommit(trx: Tx, query: Compilable): Promise<void> {
  if (!trx.isTransaction) throw new Error('executeBeforeCommit needs a transaction: its statement goes out with the COMMIT');
  const compiled = query.compile();
  BEFORE_COMMIT.add(compiled);
  await trx.executeQuery(compiled);
}

/** Waits for statements sent back to back; the first failure is the answer, after all have settled. */
async function settle<R>(earlier: Promise<unknown>[], last: Promise<R>): Promise<R> {
  const results = await Promise.allSettled([...earlier, last]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return (results.at(-1) as PromiseFulfilledResult<R>).value;
}

/** One pooled connection, with the BEGIN and the statements it has not sent yet. */
class PipelinedConnection implements DatabaseConnection {
  beginPending = false;
  held: CompiledQuery[] = [];
  readonly inner: DatabaseConnection;

  constructor(inner: DatabaseConnection) {
    this.inner = inner;
  }

  /** Sends what the connection holds, without waiting: BEGIN first, then the held statements in order. */
  sendHeld(): Promise<unknown>[] {
    const held = this.held;
    this.held = [];
    const sent: Promise<unknown>[] = [];
    if (this.beginPending) {
      this.beginPending = false;
      // Through this.executeQuery, which Kysely's query log wraps (the tests that count statements see
      // BEGIN as the statement it still is); nothing is held any more, so it goes straight out.
      sent.push(this.executeQuery(BEGIN));
    }
    // Held statements were logged when they were handed over.
    for (const query of held) sent.push(this.inner.executeQuery(query));
    return sent;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (BEFORE_COMMIT.has(query)) {
      this.held.push(query);
      return { rows: [] };
    }
    if (!this.beginPending && this.held.length === 0) return this.inner.executeQuery<R>(query);
    // Everything is written to the socket before anything is awaited, in this order.
    const earlier = this.sendHeld();
    return settle(earlier, this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.beginPending || this.held.length > 0) throw new Error('a stream cannot open a transaction or follow a held statement: run a statement first');
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class PipelinedDriver implements Driver {
  readonly #inner: Driver;
  readonly #wrapped = new WeakMap<DatabaseConnection, PipelinedConnection>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection();
    let connection = this.#wrapped.get(inner);
    if (!connection) {
      connection = new PipelinedConnection(inner);
      this.#wrapped.set(inner, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const pipelined = connection as PipelinedConnection;
    // An isolation level or access mode goes as before: such transactions are rare.
    if (settings.isolationLevel || settings.accessMode) return this.#inner.beginTransaction(pipelined, settings);
    pipelined.beginPending = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const pipelined = connection as PipelinedConnection;
    if (pipelined.held.length === 0 && pipelined.beginPending) {
      // Nothing was sent: there is nothing to commit.
      pipelined.beginPending = false;
      return;
    }
    // BEGIN (if still held), the held statements and COMMIT go out together. A held statement that
    // failed aborted the transaction, and PostgreSQL answers COMMIT with a rollback: its error is thrown.
    const earlier = pipelined.sendHeld();
    await settle(earlier, this.#inner.commitTransaction(pipelined));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const pipelined = connection as PipelinedConnection;
    pipelined.held = [];
    if (pipelined.beginPending) {
      pipelined.beginPending = false;
      return;
    }
    return this.#inner.rollbackTransaction(pipelined);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.savepoint!(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.rollbackToSavepoint!(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.releaseSavepoint!(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const pipelined = connection as PipelinedConnection;
    // A transaction always ends in commit or rollback, which empty both; this guards a connection handed back early.
    pipelined.beginPending = false;
    pipelined.held = [];
    return this.#inner.releaseConnection(pipelined.inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** PostgreSQL through pg, with BEGIN and COMMIT sent together with statements. Its pool must be in pipeline mode. */
export class PipelinedDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new PipelinedDriver(super.createDriver());
  }
}
