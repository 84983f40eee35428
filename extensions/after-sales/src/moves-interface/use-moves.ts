import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import type { MoveOption } from '../complaints/complaint-moves';
import { LABELS } from '../domain/choice-labels';
import { DEPARTMENT_ROLES, type Department } from '../domain/departments';
import { formatInstant } from '../domain/zoned-time';
import { businessTimeZone } from '../shared/business-time-zone';

export type { MoveOption };

/** The part of useApi() this panel uses. */
export interface ApiClient {
  get(url: string, config?: { params?: Record<string, unknown> }): Promise<{ data: any }>;
  post(url: string, body: unknown): Promise<{ data: any }>;
}

/** A field as the app's fields store holds it (useStores().useFieldsStore()). */
export interface StoreField {
  field: string;
  meta: Record<string, any> | null;
  [key: string]: unknown;
}

export interface FieldsStore {
  getFieldsForCollection(collection: string): StoreField[];
}

export interface StepRecord {
  id: number;
  from_stage: string | null;
  to_stage: string;
  department: string | null;
  actor: { first_name?: string | null; last_name?: string | null } | null;
  opinion: string | null;
  entered_at: string | null;
  due_at: string | null;
  completed_at: string | null;
}

export type Timeliness = 'late' | 'overdue' | 'on_time' | 'open' | 'no_deadline';

export interface StepRow {
  id: number;
  stages: string;
  department: string;
  actor: string;
  enteredAt: string;
  completedAt: string;
  dueAt: string;
  opinion: string;
  timeliness: Timeliness;
  timelinessText: string;
}

// The app has no server environment: times show in the default business time zone.
const TIME_ZONE = businessTimeZone({});

/** 2026-12-05 14:20 in the business time zone; '' when there is no time. */
export function formatTime(value: string | null | undefined, timeZone = TIME_ZONE): string {
  return formatInstant(value, timeZone) ?? '';
}

const TIMELINESS_TEXT: Record<Timeliness, string> = {
  late: '逾期完成',
  overdue: '已逾期',
  on_time: '按时完成',
  open: '办理中',
  no_deadline: '无时限',
};

/** Whether a stage was (or is being) handled in time: completed after its due time, or still open past it, is late. */
export function timeliness(step: Pick<StepRecord, 'due_at' | 'completed_at'>, now: Date): Timeliness {
  if (!step.due_at) return 'no_deadline';
  const due = new Date(step.due_at).getTime();
  if (step.completed_at) return new Date(step.completed_at).getTime() > due ? 'late' : 'on_time';
  return now.getTime() > due ? 'overdue' : 'open';
}

const stageLabel = (stage: string | null) => (stage ? (LABELS['stage']?.[stage] ?? stage) : '新建');

/** One row of the readable history: Chinese labels and names, times in the business zone, no ids. */
export function stepRow(step: StepRecord, now: Date): StepRow {
  const state = timeliness(step, now);
  const name = `${step.actor?.first_name ?? ''}${step.actor?.last_name ?? ''}`.trim();
  return {
    id: step.id,
    stages: `${stageLabel(step.from_stage)} → ${stageLabel(step.to_stage)}`,
    department: step.department ? (DEPARTMENT_ROLES[step.department as Department] ?? step.department) : '—',
    actor: name || '系统',
    enteredAt: formatTime(step.entered_at),
    completedAt: formatTime(step.completed_at),
    dueAt: formatTime(step.due_at),
    opinion: step.opinion ?? '',
    timeliness: state,
    timelinessText: TIMELINESS_TEXT[state],
  };
}

const blank = (value: unknown) => value === null || value === undefined || value === '';
const same = (a: unknown, b: unknown) =>
  (blank(a) && blank(b)) ||
  JSON.stringify(a) === JSON.stringify(b) ||
  (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));

/** The move's fields as the real form fields, editable, required where the move needs them, in the move's order. */
export function moveFormFields(all: StoreField[], move: MoveOption): StoreField[] {
  return move.fields.flatMap((wanted, index) => {
    const field = all.find((candidate) => candidate.field === wanted.field);
    if (!field) return [];
    const meta = {
      ...(field.meta ?? {}),
      readonly: false,
      hidden: false,
      required: wanted.required,
      group: null,
      conditions: null,
      width: 'full',
      sort: index + 1,
    };
    return [{ ...field, meta }];
  });
}

export interface MovesOptions {
  api: ApiClient;
  fieldsStore: FieldsStore;
  collection: Ref<string>;
  /** null for a new, unsaved item: then there is nothing to move */
  primaryKey: Ref<string | number | null>;
  /** the form's current values (the item with the user's unsaved edits) */
  values: Ref<Record<string, unknown>>;
  /** shows the success message the way the app shows its notices */
  notify: (title: string) => void;
  /** makes the item form show the item as stored now */
  reloadItem: () => unknown;
  now?: () => Date;
  /** how long the form's values must rest before the moves are asked for again */
  settleMs?: number;
}

/** Fields besides the moves' required ones whose stored value opens or closes a move. */
const DECISIVE_FIELDS = ['stage', 'offer_amount', 'supervisor_reviewed', 'approved_at'];

const messageOf = (e: any, fallback: string) => e?.response?.data?.errors?.[0]?.message ?? fallback;

/**
 * 办理: the next moves of a complaint from the endpoint, the dialog that asks for a move's fields
 * and makes it, and the readable step history.
 */
export function useMoves(options: MovesOptions) {
  const { api, collection, primaryKey, values } = options;
  const now = options.now ?? (() => new Date());
  const moves = ref<MoveOption[]>([]);
  const steps = ref<StepRow[]>([]);
  const loadError = ref<string | null>(null);
  const loading = ref(false);

  const active = ref<MoveOption | null>(null);
  const stored = ref<Record<string, unknown>>({});
  const edits = ref<Record<string, unknown>>({});
  const opinion = ref('');
  const busy = ref(false);
  const error = ref<string | null>(null);

  // Kept out of Vue's reach on purpose: a new list of moves alone is no reason to ask again.
  let decisiveKeys: string[] = DECISIVE_FIELDS;
  /** the decisive values the moves shown were asked for */
  let answered = '';
  const decisive = () => JSON.stringify(decisiveKeys.map((key) => values.value?.[key] ?? null));
  const itemPath = () => `/after-sales/complaints/${encodeURIComponent(String(primaryKey.value))}/moves`;

  async function load() {
    if (primaryKey.value === null) return;
    loading.value = true;
    try {
      const [offered, logged] = await Promise.all([
        api.get(itemPath()),
        api.get('/items/complaint_steps', {
          params: {
            filter: { complaint: { _eq: primaryKey.value } },
            fields: ['*', 'actor.first_name', 'actor.last_name'],
            sort: ['id'],
            limit: -1,
          },
        }),
      ]);
      moves.value = offered.data.data;
      decisiveKeys = [...new Set([...DECISIVE_FIELDS, ...moves.value.flatMap((m) => m.required_fields.map((f) => f.field))])];
      answered = decisive();
      steps.value = (logged.data.data as StepRecord[]).map((step) => stepRow(step, now()));
      loadError.value = null;
    } catch (e) {
      loadError.value = messageOf(e, '办理事项暂时无法加载，请刷新页面。');
    } finally {
      loading.value = false;
    }
  }

  const fields = computed(() =>
    active.value ? moveFormFields(options.fieldsStore.getFieldsForCollection(collection.value), active.value) : [],
  );
  /** What the dialog opens with: the item as stored, with what the user has typed in the form but not saved. */
  const initialValues = computed(() => {
    const keys = active.value?.fields.map((entry) => entry.field) ?? [];
    return Object.fromEntries(keys.map((key) => [key, key in (values.value ?? {}) ? values.value[key] : stored.value[key]]));
  });
  const dialogValues = computed(() => ({ ...initialValues.value, ...edits.value }));
  const missing = computed(() =>
    (active.value?.fields ?? []).filter((entry) => entry.required && blank(dialogValues.value[entry.field])).map((entry) => entry.label),
  );
  /** Closing while the customer has not accepted opens a new linked complaint (Art. 13.8): said plainly. */
  const reopensAsNew = computed(() => active.value?.to === 'closed' && dialogValues.value['customer_accepted'] !== true);

  async function open(move: MoveOption) {
    if (!move.allowed) return;
    active.value = move;
    edits.value = {};
    opinion.value = '';
    error.value = null;
    stored.value = {};
    if (!move.fields.length) return;
    try {
      const response = await api.get(`/items/${collection.value}/${encodeURIComponent(String(primaryKey.value))}`, {
        params: { fields: move.fields.map((entry) => entry.field) },
      });
      stored.value = response.data.data ?? {};
    } catch (e) {
      error.value = messageOf(e, '无法读取投诉的当前内容。');
    }
  }

  function cancel() {
    active.value = null;
  }

  async function submit() {
    const move = active.value;
    if (!move || busy.value) return;
    if (missing.value.length) {
      error.value = `请先填写：${missing.value.join('、')}。`;
      return;
    }
    // Only what differs from the stored item is sent: an unchanged value is no change of the move.
    const changed = Object.fromEntries(Object.entries(dialogValues.value).filter(([key, value]) => !same(value, stored.value[key])));
    busy.value = true;
    error.value = null;
    try {
      await api.post(itemPath(), { to: move.to, ...(opinion.value.trim() ? { opinion: opinion.value } : {}), values: changed });
    } catch (e) {
      error.value = messageOf(e, '办理失败，请稍后再试。');
      return;
    } finally {
      busy.value = false;
    }
    active.value = null;
    options.notify(`已办理：${move.label}`);
    await options.reloadItem();
    await load();
  }

  watch([collection, primaryKey], load, { immediate: true });
  // Whether a move is open now depends on what is stored (an amount decides the approval level, a
  // tick opens a move): when the form shows other values for those fields (saved, or being typed),
  // the moves are asked for again once the typing stops.
  let pending: ReturnType<typeof setTimeout> | undefined;
  watch(decisive, (current) => {
    if (current === answered) return;
    clearTimeout(pending);
    pending = setTimeout(() => void load(), options.settleMs ?? 600);
  });
  onScopeDispose(() => clearTimeout(pending));

  return {
    moves,
    steps,
    loading,
    loadError,
    active,
    fields,
    initialValues,
    edits,
    opinion,
    missing,
    reopensAsNew,
    busy,
    error,
    open,
    cancel,
    submit,
    load,
  };
}
