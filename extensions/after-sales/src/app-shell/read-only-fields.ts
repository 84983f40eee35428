import { getActivePinia, type Pinia } from 'pinia';
import { watch } from 'vue';

/**
 * Fields a user may not write look read-only in every form, not editable until the save is refused.
 * The admin app shows a field read-only when the user's create/update permission does not list it; the
 * console's write guard refuses more than Directus's permissions do (server-set fields, the back-entry
 * times of a role that may not set them), because its own hooks fill those fields in the same request,
 * which a narrower permission would refuse. So the server says which fields the signed-in user may not
 * write (GET /after-sales/fields-not-written, from the guard's own lists) and the app's copy of the user's
 * permissions leaves them out. Only the copy in this browser changes; the server still refuses.
 */
export interface AppPermission {
  access?: unknown;
  fields?: string[] | null;
  presets?: unknown;
}

type PermissionsByCollection = Record<string, Partial<Record<string, AppPermission>>>;
const WRITE_ACTIONS = ['create', 'update'];
const installed = new WeakSet<Pinia>();

/** The permission's field list without the fields not written (`*` spelt out as the collection's fields). */
export function withoutFieldsNotWritten(listed: string[] | null | undefined, collectionFields: string[], notWritten: string[]): string[] {
  const refused = new Set(notWritten);
  const fields = !listed || listed.includes('*') ? collectionFields : listed;
  return fields.filter((field) => !refused.has(field));
}

/** Narrows the create and update permissions of the app's permissions store in place; returns whether it changed any. */
export function narrowPermissions(
  permissions: PermissionsByCollection,
  fieldsOf: (collection: string) => string[],
  notWritten: Record<string, string[]>,
): boolean {
  let changed = false;
  for (const [collection, fields] of Object.entries(notWritten)) {
    // Before the app has read the collection's fields, `*` cannot be spelt out yet: left for the next pass.
    if (fieldsOf(collection).length === 0) continue;
    for (const action of WRITE_ACTIONS) {
      const permission = permissions[collection]?.[action];
      if (!permission || permission.access === 'none') continue;
      const narrowed = withoutFieldsNotWritten(permission.fields, fieldsOf(collection), fields);
      if (narrowed.length === (permission.fields ?? []).length && narrowed.every((field) => permission.fields?.includes(field))) continue;
      permission.fields = narrowed;
      changed = true;
    }
  }
  return changed;
}

interface StoreState {
  permissionsStore?: { permissions?: PermissionsByCollection };
  fieldsStore?: { fields?: { collection: string; field: string }[] };
  userStore?: { currentUser?: { id?: string; admin_access?: boolean } | null };
}

function apiRoot(): string {
  const path = globalThis.location?.pathname ?? '/admin';
  return path.slice(0, Math.max(0, path.indexOf('/admin')));
}

async function readFieldsNotWritten(): Promise<Record<string, string[]> | null> {
  const response = await fetch(`${apiRoot()}/after-sales/fields-not-written`, { credentials: 'same-origin' });
  if (!response.ok) return null;
  return ((await response.json()) as { data?: Record<string, string[]> }).data ?? null;
}

function watchStores(pinia: Pinia): void {
  const state = pinia.state.value as StoreState;
  let forUser: string | undefined;
  let notWritten: Record<string, string[]> | null = null;
  const apply = () => {
    const permissions = state.permissionsStore?.permissions;
    const fields = state.fieldsStore?.fields ?? [];
    if (!permissions || !notWritten) return;
    narrowPermissions(permissions, (collection) => fields.filter((f) => f.collection === collection).map((f) => f.field), notWritten);
  };
  watch(
    () => [state.userStore?.currentUser?.id, state.permissionsStore?.permissions, state.fieldsStore?.fields],
    async ([user]) => {
      if (typeof user !== 'string') return;
      if (user !== forUser) {
        forUser = user;
        notWritten = null;
        // A failed read leaves the forms as Directus draws them; the server still refuses the write.
        notWritten = await readFieldsNotWritten().catch(() => null);
        if (forUser !== user) return;
      }
      apply();
    },
    { immediate: true },
  );
}

/** Installs the narrowing once the app's stores exist (the bundle's app code loads after sign-in). */
export function installReadOnlyFields(attempt = 0): void {
  const pinia = getActivePinia();
  if (pinia && (pinia.state.value as StoreState).permissionsStore) {
    if (!installed.has(pinia)) watchStores(pinia);
    installed.add(pinia);
    return;
  }
  if (attempt < 100) setTimeout(() => installReadOnlyFields(attempt + 1), 100);
}
