// A transaction's BEGIN travels with its first statement instead of in a round trip of its own.
// Every guarded request is a transaction (its reads, its writes and its audit rows commit together),
// so every one of them paid a round trip for BEGIN alone: a wake-up of the database and of the
// server for nothing to compute. The connection runs in pg's pipeline mode, so BEGIN and the
// statement are sent back to back and PostgreSQL answers both in one go (docs/performance.md).
// A transaction that sends nothing sends no BEGIN and no COMMIT either.
import { CompiledQuery, PostgresDialect, type DatabaseConnection, type Driver, type QueryCompiler, type QueryResult, type TransactionSettings } from 'kysely';

const BEGIN = CompiledQuery.raw('begin');

/** One pooled connection, remembering a BEGIN it has not sent yet. */
class LazyBeginConnection implements DatabaseConnection {
  beginPending = false;
  readonly inner: DatabaseConnection;

  constructor(inner: DatabaseConnection) {
    this.inner = inner;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.beginPending) return this.inner.executeQuery<R>(query);
    this.beginPending = false;
    // BEGIN through this.executeQuery, which Kysely's query log wraps (the tests that count round
    // trips see it as the statement it still is); the statement through inner, as the log already
    // wraps this call. Both write to the socket before either awaits, in this order.
    const begin = this.executeQuery(BEGIN);
    const result = this.inner.executeQuery<R>(query);
    try {
      await begin;
    } catch (error) {
      // BEGIN fails only with the connection, which then fails the statement too; wait for it.
      await result.catch(() => undefined);
      throw error;
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.beginPending) throw new Error('a stream cannot open a transaction: run a statement first');
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class LazyBeginDriver implements Driver {
  readonly #inner: Driver;
  readonly #wrapped = new WeakMap<DatabaseConnection, LazyBeginConnection>();

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
      connection = new LazyBeginConnection(inner);
      this.#wrapped.set(inner, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const lazy = connection as LazyBeginConnection;
    // An isolation level or access mode goes as before: such transactions are rare.
    if (settings.isolationLevel || settings.accessMode) return this.#inner.beginTransaction(lazy, settings);
    lazy.beginPending = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lazy = connection as LazyBeginConnection;
    if (lazy.beginPending) {
      lazy.beginPending = false;
      return;
    }
    return this.#inner.commitTransaction(lazy);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lazy = connection as LazyBeginConnection;
    if (lazy.beginPending) {
      lazy.beginPending = false;
      return;
    }
    return this.#inner.rollbackTransaction(lazy);
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
    const lazy = connection as LazyBeginConnection;
    // A transaction always ends in commit or rollback; this only guards a connection handed back early.
    lazy.beginPending = false;
    return this.#inner.releaseConnection(lazy.inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** PostgreSQL through pg, with BEGIN sent together with a transaction's first statement. Its pool must be in pipeline mode. */
export class PipelinedBeginDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new LazyBeginDriver(super.createDriver());
  }
}
