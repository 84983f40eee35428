import sqlite3 from 'sqlite3';

/** Reads one PRAGMA of a SQLite database file (read-only connection, safe while a server runs). */
export function readPragma(file: string, pragma: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.get(`PRAGMA ${pragma}`, (error: Error | null, row: Record<string, unknown> | undefined) => {
        db.close();
        if (error) reject(error);
        else resolve(row ? Object.values(row)[0] : undefined);
      });
    });
  });
}

/** SQLite's plan for a query (the `detail` lines of EXPLAIN QUERY PLAN), read-only. */
export function queryPlan(file: string, sql: string, params: unknown[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(`EXPLAIN QUERY PLAN ${sql}`, params, (error: Error | null, rows: { detail: string }[]) => {
        db.close();
        if (error) reject(error);
        else resolve(rows.map((row) => row.detail));
      });
    });
  });
}

/** Runs one statement on a SQLite database file, as someone typing SQL behind Directus's back would. */
export function runStatement(file: string, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (openError) => {
      if (openError) return reject(openError);
      db.run(sql, params, (error: Error | null) => {
        db.close();
        if (error) reject(error);
        else resolve();
      });
    });
  });
}
