// A keyv storage adapter over libsql (SQLite compiled in, prebuilt per platform and shipped through the npm
// registry, so installing needs no compiler and no download from elsewhere). It keeps @keyv/sqlite's table
// (`keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)`) and key format, so a database written by earlier versions
// is read as it is. Real SQLite file locking makes one file safe for several processes (the bot and a backup).
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import type { Database as LibsqlDatabase, Statement } from "libsql";

export interface SqliteKeyvOptions {
  /** A file path, or ":memory:". */
  file: string;
  table?: string;
  /** How long a statement waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
  /** Open an existing file read-only (a backup being read): nothing is created or changed. */
  readonly?: boolean;
}

interface Row {
  key: string;
  value: string;
}

/** Loads the native engine, turning a platform without a prebuilt binary into a message that says what to do. */
function loadLibsql(): new (
  path: string,
  options?: { timeout?: number; readonly?: boolean; fileMustExist?: boolean },
) => LibsqlDatabase {
  try {
    return createRequire(import.meta.url)("libsql");
  } catch (error) {
    throw new Error(
      `the embedded SQLite engine (npm package "libsql") has no prebuilt binary for ${process.platform}-${process.arch}` +
        ` (${(error as Error).message}). Prebuilt: Linux x64/arm64/arm (glibc and musl), macOS x64/arm64, Windows x64.` +
        " On another platform use Redis instead: STORE_URL=redis://host:6379",
      { cause: error },
    );
  }
}

export class SqliteKeyv extends EventEmitter {
  readonly ttlSupport = false;
  namespace?: string;
  readonly opts: { table: string; dialect: "sqlite"; url: string };
  readonly db: LibsqlDatabase;
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(options: SqliteKeyvOptions) {
    super();
    const table = options.table ?? "keyv";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`invalid table name "${table}"`);
    this.opts = { table, dialect: "sqlite", url: `sqlite://${options.file}` };
    const Database = loadLibsql();
    const timeout = options.busyTimeoutMs ?? 5_000;
    this.db = options.readonly
      ? new Database(options.file, { timeout, readonly: true, fileMustExist: true })
      : new Database(options.file, { timeout });
    if (options.readonly) return;
    try {
      if (options.file !== ":memory:") {
        // WAL: a backup or a second process reads while the bot writes, without blocking it.
        this.db.pragma("journal_mode = WAL");
        // libsql writes synchronously, on the event loop: with FULL every commit waits for an fsync (10 ms here),
        // which at 30 digests/s stalls everything else. NORMAL is SQLite's advice for WAL: never corrupt; a power
        // loss may undo the last commits (a digest then goes out once more after the reboot).
        this.db.pragma("synchronous = NORMAL");
      }
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT)`);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Runs one statement (prepared once, then reused) and returns its rows (a write's RETURNING rows). */
  query<T = Row>(sql: string, ...params: unknown[]): T[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement.all(...params) as T[];
  }

  private get t(): string {
    return this.opts.table;
  }

  async get(key: string): Promise<string | undefined> {
    return this.query(`SELECT key, value FROM ${this.t} WHERE key = ?`, key)[0]?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const sql = `SELECT key, value FROM ${this.t} WHERE key IN (SELECT value FROM json_each(?))`;
    const rows = this.query(sql, JSON.stringify(keys));
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }

  async set(key: string, value: string): Promise<void> {
    this.query(
      `INSERT INTO ${this.t} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      key,
      value,
    );
  }

  /** One statement, so one commit, however many entries (keyv's own setMany would make one each). */
  async setMany(entries: ReadonlyArray<{ key: string; value: unknown }>): Promise<boolean[]> {
    this.query(
      `INSERT INTO ${this.t} (key, value) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(entries.map((e) => [e.key, e.value])),
    );
    return entries.map(() => true);
  }

  async delete(key: string): Promise<boolean> {
    return this.query(`DELETE FROM ${this.t} WHERE key = ? RETURNING key`, key).length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const sql = `DELETE FROM ${this.t} WHERE key IN (SELECT value FROM json_each(?)) RETURNING key`;
    return this.query(sql, JSON.stringify(keys)).length > 0;
  }

  async has(key: string): Promise<boolean> {
    return this.query(`SELECT key, value FROM ${this.t} WHERE key = ?`, key).length > 0;
  }

  async clear(): Promise<void> {
    this.query(`DELETE FROM ${this.t} WHERE key LIKE ?`, this.namespace ? `${this.namespace}:%` : "%");
  }

  async disconnect(): Promise<void> {
    if (this.db.open) this.db.close();
    this.statements.clear();
  }
}
