import { useApi, useStores } from '@directus/extensions-sdk';
import { computed, ref, watch } from 'vue';
import {
  REVISED_RULE_TABLES,
  REVISION_ACTIONS,
  REVISION_STATUSES,
  type RevisionAction,
  type RevisionStatus,
} from '../domain/rule-revision';
import { messageOf } from './use-calendar';

interface Person {
  first_name: string | null;
  last_name: string | null;
}

export interface RevisionEntry {
  id: number;
  rule_collection: string;
  item: string;
  item_label: string | null;
  action: RevisionAction;
  changed_fields: string[] | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed_by: Person | null;
  changed_at: string;
  status: RevisionStatus;
  approval_opinion: string | null;
  approved_by: Person | null;
  approved_at: string | null;
}

const FIELDS = ['*', 'changed_by.first_name', 'changed_by.last_name', 'approved_by.first_name', 'approved_by.last_name'];
const name = (person: Person | null) => (person ? `${person.first_name ?? ''}${person.last_name ?? ''}` || '—' : '系统');
const shown = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '（空）'
    : typeof value === 'boolean'
      ? value
        ? '是'
        : '否'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
const time = (value: string | null) => (value ? new Date(value).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');

/** Pending rule revisions, counted for the navigation of the 规则管理 module (null: the user may not read them). */
export function usePendingCount() {
  const api = useApi();
  const pending = ref<number | null>(null);
  async function count() {
    try {
      const response = await api.get('/items/rule_revisions', {
        params: { filter: { status: { _eq: 'pending' } }, aggregate: { count: 'id' } },
      });
      pending.value = Number(response.data.data?.[0]?.count?.id ?? response.data.data?.[0]?.count ?? 0);
    } catch {
      pending.value = null;
    }
  }
  void count();
  return { pending, count };
}

/**
 * 规则修订记录 as the people who answer for the rules read it: pending entries first, each change as
 * 字段：旧 → 新 with the field's Chinese label, and approval (核准) of the selected entries by a holder
 * of the 总经理 policy (the server refuses anyone else, in Chinese).
 */
export function useRuleRevisions() {
  const api = useApi();
  const { useFieldsStore, usePermissionsStore, useNotificationsStore } = useStores();
  const fields = useFieldsStore();
  const permissions = usePermissionsStore();
  const notifications = useNotificationsStore();

  const onlyPending = ref(true);
  const entries = ref<RevisionEntry[]>([]);
  const selected = ref<number[]>([]);
  const opinion = ref('');
  const loading = ref(false);
  const approving = ref(false);
  const error = ref<string | null>(null);
  const canApprove = computed(() => permissions.hasPermission('rule_revisions', 'update'));

  const label = (collection: string, field: string) => fields.getField(collection, field)?.name ?? field;
  // A choice is shown by its Chinese text (来源：公司自定), as the admin app's own forms show it.
  const valueText = (collection: string, field: string, value: unknown) => {
    const choices = (fields.getField(collection, field)?.meta?.options?.['choices'] ?? []) as { value: unknown; text: string }[];
    return shown(choices.find((choice) => choice.value === value)?.text ?? value);
  };
  const rows = computed(() =>
    entries.value.map((entry) => ({
      ...entry,
      table: REVISED_RULE_TABLES[entry.rule_collection] ?? entry.rule_collection,
      actionText: REVISION_ACTIONS[entry.action] ?? entry.action,
      statusText: REVISION_STATUSES[entry.status] ?? entry.status,
      who: name(entry.changed_by),
      when: time(entry.changed_at),
      approval:
        entry.status === 'approved'
          ? `${name(entry.approved_by)} ${time(entry.approved_at)}${entry.approval_opinion ? `：${entry.approval_opinion}` : ''}`
          : '',
      changes: (entry.changed_fields ?? []).map((field) => ({
        field,
        label: label(entry.rule_collection, field),
        before: entry.action === 'create' ? null : valueText(entry.rule_collection, field, entry.before?.[field]),
        after: entry.action === 'delete' ? null : valueText(entry.rule_collection, field, entry.after?.[field]),
      })),
    })),
  );

  async function load() {
    loading.value = true;
    try {
      const filter = onlyPending.value ? { status: { _eq: 'pending' } } : {};
      const response = await api.get('/items/rule_revisions', {
        params: { filter, fields: FIELDS, sort: ['-changed_at', '-id'], limit: 200 },
      });
      entries.value = response.data.data as RevisionEntry[];
      selected.value = selected.value.filter((id) => entries.value.some((entry) => entry.id === id && entry.status === 'pending'));
      error.value = null;
    } catch (failure) {
      error.value = messageOf(failure, '规则修订记录暂时无法加载。');
    } finally {
      loading.value = false;
    }
  }

  function toggleSelected(id: number) {
    selected.value = selected.value.includes(id) ? selected.value.filter((other) => other !== id) : [...selected.value, id];
  }

  async function approve(): Promise<boolean> {
    if (!selected.value.length) return false;
    approving.value = true;
    try {
      await api.patch('/items/rule_revisions', {
        keys: selected.value,
        data: { status: 'approved', ...(opinion.value ? { approval_opinion: opinion.value } : {}) },
      });
      notifications.add({ title: `已核准 ${selected.value.length} 条规则修订` });
      selected.value = [];
      opinion.value = '';
      await load();
      return true;
    } catch (failure) {
      error.value = messageOf(failure, '核准失败，请稍后重试。');
      return false;
    } finally {
      approving.value = false;
    }
  }

  watch(onlyPending, load, { immediate: true });
  return { onlyPending, rows, selected, opinion, loading, approving, error, canApprove, load, toggleSelected, approve };
}
