import { useApi } from '@directus/extensions-sdk';
import { computed, ref, watch, type Ref } from 'vue';
import { guidanceFor, RULE_STEPS, type GuidancePlacement, type GuidanceText, type StepRule } from '../domain/guidance-steps';

/**
 * The wording of 服务话术 for this form, loaded from the table administrators edit, with the deadline rules whose
 * 适用条件 decide the rule steps (现场保全: the same condition that starts the scene clock).
 */
export function useGuidance(collection: Ref<string>, values: Ref<Record<string, unknown>>, placement: Ref<GuidancePlacement> = ref({})) {
  const api = useApi();
  const texts = ref<GuidanceText[]>([]);
  const rules = ref<StepRule[]>([]);
  const error = ref<string | null>(null);

  async function load() {
    try {
      const [wording, deadlineRules] = await Promise.all([
        api.get('/items/guidance_texts', {
          params: {
            filter: { collection: { _eq: collection.value } },
            fields: ['key', 'step', 'title', 'content', 'sort'],
            sort: ['sort'],
            limit: -1,
          },
        }),
        api.get('/items/deadline_rules', {
          params: {
            filter: { key: { _in: [...new Set(Object.values(RULE_STEPS))] } },
            fields: ['key', 'active', 'applies_when'],
            limit: -1,
          },
        }),
      ]);
      texts.value = wording.data.data;
      rules.value = deadlineRules.data.data;
      error.value = null;
    } catch {
      error.value = '服务话术暂时无法加载。';
    }
  }

  watch(collection, load, { immediate: true });
  const shown = computed(() => guidanceFor(texts.value, values.value ?? {}, placement.value, rules.value));
  return { shown, error };
}
