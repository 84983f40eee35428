/**
 * Three things of the admin app itself that the app offers no setting for; the bundle's app code adjusts
 * them once it is loaded (after sign-in), for every page:
 * - the error box inside every error dialog (`v-error`) prints `[CODE] message`: the code is English jargon
 *   to a clerk and the dialog's title already names the error in Chinese (translation string `errors.<CODE>`),
 *   so the box shows the message alone (its copy button still copies the whole error, code included);
 * - the date picker's weekday headers are English (Sun, Mon …) whatever the language, because the app does
 *   not pass its language to the calendar component: they are written in Chinese;
 * - the right sidebar opens by default and, at 1440 px, covers the last columns of the dashboards: it starts
 *   closed in a browser where the user never opened or closed it (the app remembers their choice after that).
 */
const CODE_PREFIX = /^\[[A-Z][A-Z0-9_]*\]\s*/;
const WEEKDAYS: Record<string, string> = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };
/** The app's own localStorage key for its sidebar state (Directus 11 sidebar store). */
const SIDEBAR_COLLAPSED_KEY = 'sidebar-collapsed';

/** The message of an error box's text without the `[CODE] ` the app puts in front of it. */
export function withoutErrorCode(text: string): string {
  return text.replace(CODE_PREFIX, '');
}

/** The Chinese header of a weekday the calendar printed in English, or the text as it was. */
export function chineseWeekday(text: string): string {
  return WEEKDAYS[text.trim()] ?? text;
}

function rewrite(root: ParentNode, selector: string, change: (text: string) => string): void {
  root.querySelectorAll(selector).forEach((element) => {
    const text = element.textContent ?? '';
    const changed = change(text);
    if (changed !== text) element.textContent = changed;
  });
}

function adjust(root: ParentNode): void {
  rewrite(root, '.v-error output', withoutErrorCode);
  rewrite(root, '.calendar-head-cell', chineseWeekday);
}

/** Installs the adjustments once per page: the sidebar default now, the texts as dialogs and pickers appear. */
export function installAppChrome(doc: Document | undefined = globalThis.document): void {
  if (!doc?.body || doc.body.dataset['afterSalesChrome']) return;
  doc.body.dataset['afterSalesChrome'] = 'on';
  try {
    if (doc.defaultView?.localStorage.getItem(SIDEBAR_COLLAPSED_KEY) === null)
      doc.defaultView.localStorage.setItem(SIDEBAR_COLLAPSED_KEY, 'true');
  } catch {
    // Storage refused (private mode): the sidebar keeps the app's default.
  }
  adjust(doc.body);
  new MutationObserver(() => adjust(doc.body)).observe(doc.body, { childList: true, subtree: true, characterData: true });
}
