import type { HookExtensionContext, RegisterFunctions } from '@directus/types';

/** What every registration module receives: Directus's register functions, its context, the business zone. */
export interface HookSetup {
  on: RegisterFunctions;
  context: HookExtensionContext;
  timeZone: string;
}

type Row = Record<string, unknown>;
export const asRow = (payload: unknown) => payload as Row;
export const asKeys = (keys: unknown) => keys as (string | number)[];
