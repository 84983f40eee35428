import { onBeforeUnmount, type Ref } from 'vue';

type RouteGuard = (to: { path: string }, from: { path: string }) => true | { path: string; replace: boolean };
/** The part of vue-router's Router used here. */
interface Router {
  beforeEach: (guard: RouteGuard) => () => void;
}

type RequestOptions = (() => { path?: string; method?: string }) | { path?: string; method?: string };
/** The app's SDK client, through which the item page saves. */
interface Sdk {
  request: (options: RequestOptions) => Promise<any>;
}

/** The item just created here: its page brings the outcome into view once (the list's scroll position is kept). */
let justCreated: string | null = null;

/** Whether this item's page opens right after its creation; asked once per item. */
export function openedAfterCreate(primaryKey: string | number): boolean {
  const created = justCreated === String(primaryKey);
  if (created) justCreated = null;
  return created;
}

/**
 * A clerk who saves a new report stays on it (the caller is still on the line): the item page's ✓
 * creates the item through the app's SDK client and then goes to the list; when that list route
 * follows a create of this collection from its new-item page, it is replaced by the new item.
 * "保存并留在此页" and "保存并新建" go elsewhere and are left alone. The client's `request` is wrapped
 * only while the new-item form is open.
 */
export function useStayAfterCreate(sdk: Sdk, router: Router, collection: Ref<string>, primaryKey: Ref<string | number>): void {
  if (primaryKey.value !== '+') return;
  let created: string | number | null = null;
  const original = sdk.request;
  const watched: Sdk['request'] = async function (this: unknown, options) {
    const result = await original.call(this, options);
    const request = typeof options === 'function' ? options() : options;
    const path = String(request?.path ?? '').replace(/\/$/, '');
    if (request?.method === 'POST' && path === `/items/${collection.value}` && result?.id !== undefined) created = result.id;
    return result;
  };
  sdk.request = watched;
  const removeGuard = router.beforeEach((to, from) => {
    const list = `/content/${collection.value}`;
    if (created === null || from.path !== `${list}/+` || to.path !== list) return true;
    const id = created;
    created = null;
    justCreated = String(id);
    return { path: `${list}/${id}`, replace: true };
  });
  onBeforeUnmount(() => {
    if (sdk.request === watched) sdk.request = original;
    removeGuard();
  });
}
