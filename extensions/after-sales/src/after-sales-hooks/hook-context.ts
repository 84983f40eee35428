import type { EventContext, HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { HandlerContext } from '../shared/handler-context';

/** What every registration module receives: Directus's register functions, its context, the business zone. */
export interface HookSetup {
  on: RegisterFunctions;
  context: HookExtensionContext;
  timeZone: string;
}

type Row = Record<string, unknown>;
export const asRow = (payload: unknown) => payload as Row;
export const asKeys = (keys: unknown) => keys as (string | number)[];

/** A filter's handler context: the event's transaction and schema, its context object, now. */
export function filterContext({ context, timeZone }: HookSetup, event: EventContext): HandlerContext {
  return {
    services: context.services,
    schema: event.schema,
    database: event.database,
    event,
    accountability: event.accountability ?? null,
    now: new Date(),
    timeZone,
  };
}

/**
 * An action's or a schedule's handler context, after commit: the server's connection and the schema
 * the write ran with (getSchema() deep-copies the whole schema, so only when the event has none).
 */
export async function afterCommitContext({ context, timeZone }: HookSetup, event?: EventContext): Promise<HandlerContext> {
  return {
    services: context.services,
    schema: event?.schema ?? (await context.getSchema()),
    database: context.database,
    accountability: event?.accountability ?? null,
    now: new Date(),
    timeZone,
  };
}
