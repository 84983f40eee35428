import { useApi, useStores } from '@directus/extensions-sdk';
import { computed, ref, watch } from 'vue';
import { isoDate, monthGrid, shiftMonth, type MonthDay } from '../domain/calendar-month';
import { toggleCalendarDay, type CalendarRow } from '../domain/calendar-toggle';
import type { NoticeDay } from '../domain/holiday-notice';

/** What POST /after-sales/calendar/import answers (`data`). */
export interface NoticeImport {
  year: number;
  days: NoticeDay[];
  unparsed: string[];
  changes: { added: number; changed: number; unchanged: number; kept_company: number; removed: number };
  removed: { date: string; is_workday: boolean; name: string | null }[];
  recomputed: number | null;
}

const FIELDS = ['id', 'date', 'is_workday', 'name', 'source', 'official_day'];

export function messageOf(error: unknown, fallback: string): string {
  const response = (error as { response?: { data?: { errors?: { message?: string }[] } } } | null)?.response;
  return response?.data?.errors?.[0]?.message ?? fallback;
}

/**
 * The 工作日历 month view: the rows of the year shown (the deadline engine's own exceptions), a click
 * that toggles a day through the items API with the user's permissions, and the import of the State
 * Council's notice (preview, then save) through POST /after-sales/calendar/import.
 */
export function useCalendar(now = new Date(), search = window.location.search) {
  const api = useApi();
  const { useUserStore, usePermissionsStore, useNotificationsStore } = useStores();
  const user = useUserStore();
  const permissions = usePermissionsStore();
  const notifications = useNotificationsStore();

  const isAdmin = computed(() => user.currentUser?.admin_access === true);
  const canEdit = computed(
    () => isAdmin.value || ['create', 'update', 'delete'].every((action) => permissions.hasPermission('work_calendar', action)),
  );
  // ?month=YYYY-MM opens that month (a link from a notice or a bookmark); otherwise this month.
  const asked = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(new URLSearchParams(search).get('month') ?? '');
  const year = ref(asked ? Number(asked[1]) : now.getFullYear());
  const month = ref(asked ? Number(asked[2]) : now.getMonth() + 1);
  const rows = ref<CalendarRow[]>([]);
  const loading = ref(false);
  const busyDate = ref<string | null>(null);
  const error = ref<string | null>(null);
  const weeks = computed<MonthDay[][]>(() => monthGrid(year.value, month.value, rows.value));
  const title = computed(() => `${year.value}年${month.value}月`);

  async function load() {
    loading.value = true;
    try {
      // The year shown and the days of its neighbours that fill the first and last week.
      const filter = { date: { _between: [isoDate(year.value - 1, 12, 20), isoDate(year.value + 1, 1, 12)] } };
      const response = await api.get('/items/work_calendar', { params: { filter, fields: FIELDS, limit: -1, sort: 'date' } });
      rows.value = (response.data.data as CalendarRow[]).map((row) => ({ ...row, date: String(row.date).slice(0, 10) }));
      error.value = null;
    } catch (failure) {
      error.value = messageOf(failure, '工作日历暂时无法加载，请稍后重试。');
    } finally {
      loading.value = false;
    }
  }

  function go(by: number) {
    ({ year: year.value, month: month.value } = shiftMonth(year.value, month.value, by));
  }
  function show(date: string) {
    year.value = Number(date.slice(0, 4));
    month.value = Number(date.slice(5, 7));
  }

  async function toggle(day: MonthDay) {
    if (!canEdit.value || busyDate.value) return;
    busyDate.value = day.date;
    const write = toggleCalendarDay(
      day.date,
      rows.value.find((row) => row.date === day.date),
    );
    try {
      if (write.kind === 'create') await api.post('/items/work_calendar', write.values);
      else if (write.kind === 'update') await api.patch(`/items/work_calendar/${write.id}`, write.values);
      else await api.delete(`/items/work_calendar/${write.id}`);
      await load();
      const works = rows.value.find((row) => row.date === day.date)?.is_workday ?? !day.isWorkday;
      notifications.add({
        title: `${day.date} 已改为${works ? '上班' : '休息'}`,
        text: '未结案件的期限已按新日历重算；此项修订待总经理核准。',
      });
    } catch (failure) {
      error.value = messageOf(failure, '保存失败，请稍后重试。');
    } finally {
      busyDate.value = null;
    }
  }

  const noticeText = ref('');
  const preview = ref<NoticeImport | null>(null);
  const importing = ref(false);
  const importError = ref<string | null>(null);

  async function sendNotice(dryRun: boolean): Promise<NoticeImport | null> {
    importing.value = true;
    importError.value = null;
    try {
      return (await api.post('/after-sales/calendar/import', { text: noticeText.value, dry_run: dryRun })).data.data as NoticeImport;
    } catch (failure) {
      importError.value = messageOf(failure, '通知无法导入，请检查粘贴的全文。');
      return null;
    } finally {
      importing.value = false;
    }
  }
  async function previewNotice() {
    preview.value = await sendNotice(true);
  }
  async function saveNotice(): Promise<boolean> {
    const saved = await sendNotice(false);
    if (!saved) return false;
    const { added, changed, removed } = saved.changes;
    notifications.add({
      title: `已导入 ${saved.year} 年节假日安排`,
      text: `新增 ${added} 天，变更 ${changed} 天，删除 ${removed} 天；${saved.recomputed ?? 0} 件未结案件的期限已重算。`,
    });
    preview.value = null;
    noticeText.value = '';
    const first = saved.days.find((day) => !day.is_workday) ?? saved.days[0];
    if (first) show(first.date);
    // The dialog closes now; the month fills in when the rows arrive.
    void load();
    return true;
  }
  function resetImport() {
    preview.value = null;
    importError.value = null;
  }

  // A preview belongs to the text it was made of.
  watch(noticeText, resetImport);
  watch(year, load, { immediate: true });

  return {
    year,
    month,
    title,
    weeks,
    rows,
    loading,
    busyDate,
    error,
    isAdmin,
    canEdit,
    go,
    show,
    toggle,
    load,
    noticeText,
    preview,
    importing,
    importError,
    previewNotice,
    saveNotice,
    resetImport,
  };
}
