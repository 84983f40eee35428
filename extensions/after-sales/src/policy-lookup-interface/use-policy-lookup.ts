import { computed, ref, watch, type Ref } from 'vue';
import type { PolicyChoice } from '../domain/policy-search';
import { MIN_SEARCH_LENGTH } from '../domain/policy-search';
import { localDate } from '../domain/zoned-time';

interface Api {
  get: (url: string, config?: Record<string, unknown>) => Promise<{ data: any }>;
}

/** The business day of an accident: a duplicate is the same policy and the same day (CONTRACT). */
const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const SEARCH_DELAY_MS = 300;
const dayOf = (value: unknown) => {
  const instant = new Date(String(value ?? ''));
  return value && !Number.isNaN(instant.getTime()) ? localDate(instant, BUSINESS_TIME_ZONE) : null;
};

/**
 * The search box of a report's 保单 field: searches as the clerk types, offers the policies side by
 * side, and knows the chosen one with its open reports (a second call about the same accident).
 */
export function usePolicyLookup(api: Api, value: Ref<unknown>, values: Ref<Record<string, unknown>>, primaryKey: Ref<string | number>) {
  const term = ref('');
  const choices = ref<PolicyChoice[]>([]);
  const chosen = ref<PolicyChoice | null>(null);
  const loading = ref(false);
  const searched = ref(false);
  const error = ref<string | null>(null);
  const messageOf = (e: any) => e?.response?.data?.errors?.[0]?.message ?? '查找保单失败，请稍后再试。';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function find(text: string): Promise<PolicyChoice[]> {
    const response = await api.get('/after-sales/claim-reports/policy-search', { params: { q: text } });
    return response.data.data;
  }

  async function search(text: string) {
    const asked = ++latest;
    loading.value = true;
    try {
      const found = await find(text);
      if (asked !== latest) return;
      choices.value = found;
      error.value = null;
      searched.value = true;
    } catch (e) {
      if (asked === latest) error.value = messageOf(e);
    } finally {
      if (asked === latest) loading.value = false;
    }
  }

  watch(term, (text) => {
    clearTimeout(timer);
    searched.value = false;
    if ([...text.trim()].length < MIN_SEARCH_LENGTH) {
      choices.value = [];
      return;
    }
    timer = setTimeout(() => search(text.trim()), SEARCH_DELAY_MS);
  });

  const policyId = computed(() => {
    const raw = value.value && typeof value.value === 'object' ? (value.value as Record<string, unknown>)['id'] : value.value;
    return raw === null || raw === undefined || raw === '' ? null : Number(raw);
  });

  // A report opened with a policy already set: show that policy the way a search shows it.
  watch(
    policyId,
    async (id) => {
      if (id === null) {
        chosen.value = null;
        return;
      }
      if (chosen.value?.id === id) return;
      try {
        const policy = await api.get(`/items/policies/${id}`, { params: { fields: ['policy_no'] } });
        chosen.value = (await find(policy.data.data.policy_no)).find((choice) => choice.id === id) ?? null;
      } catch (e) {
        error.value = messageOf(e);
      }
    },
    { immediate: true },
  );

  function choose(choice: PolicyChoice) {
    chosen.value = choice;
    choices.value = [];
    term.value = '';
  }

  /** Open reports on the chosen policy other than this one; the same accident day first. */
  const openReports = computed(() => {
    const day = dayOf(values.value['incident_at']);
    return (chosen.value?.open_reports ?? [])
      .filter((report) => String(report.id) !== String(primaryKey.value))
      .map((report) => ({ ...report, incidentDay: dayOf(report.incident_at), sameDay: day !== null && dayOf(report.incident_at) === day }))
      .sort((a, b) => Number(b.sameDay) - Number(a.sameDay));
  });

  return { term, choices, chosen, loading, searched, error, choose, openReports };
}
