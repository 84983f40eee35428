import type { Accountability } from '@directus/types';
import type { DataAccess } from './data-access';

/**
 * The one context every hook handler receives (directus-labs' collaborative-editing handlers are the
 * model): Directus's services, the schema and connection of the event (a filter's transaction), the
 * event's own context object (reads shared by the hooks of one write), who writes, when and in which
 * business time zone. Built by after-sales-hooks/hook-context.ts, or by a caller that runs a handler
 * itself (a complaint move runs the clock handler inside its transaction).
 */
export interface HandlerContext extends DataAccess {
  accountability: Accountability | null;
  now: Date;
  timeZone: string;
}

type Row = Record<string, any>;

/** What a create handler is about: the collection and the payload as the hooks before left it. */
export interface CreateWrite {
  collection: string;
  payload: Row;
}

/** What a guard checks before any other hook: a payload as the client sent it (an array in a batch create), `keys` on an update. */
export interface ClientWrite {
  collection: string;
  payload: unknown;
  keys?: (string | number)[];
}

/** What an update handler is about: the same payload for every selected item. */
export interface UpdateWrite extends CreateWrite {
  keys: (string | number)[];
}
