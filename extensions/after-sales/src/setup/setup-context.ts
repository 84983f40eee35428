import type { Knex } from 'knex';

/** What the setup steps need from Directus: passed in by the hook, so the steps stay testable. */
export interface SetupContext {
  database: Knex;
  services: Record<string, any>;
  getSchema: (options?: { database?: Knex; bypassCache?: boolean }) => Promise<any>;
  env: Record<string, unknown>;
  logger: { info: (msg: string) => void; warn: (msg: string) => void };
  /** Folder holding schema.yaml, access.yaml, config.yaml and rules.yaml. */
  snapshotsPath: string;
  now: Date;
}

/** Setup acts as the system, not as a user: it creates the roles users will later act through. */
export const SYSTEM_ADMIN = { user: null, role: null, roles: [], admin: true, app: true, ip: null } as const;
