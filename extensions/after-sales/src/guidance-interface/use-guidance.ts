import { useApi } from '@directus/extensions-sdk';
import { computed, ref, watch, type Ref } from 'vue';
import { guidanceFor, type GuidancePlacement, type GuidanceText } from '../domain/guidance-steps';

/** The wording of 服务话术 for this form, loaded from the table administrators edit. */
export function useGuidance(collection: Ref<string>, values: Ref<Record<string, unknown>>, placement: Ref<GuidancePlacement> = ref({})) {
  const api = useApi();
  const texts = ref<GuidanceText[]>([]);
  const error = ref<string | null>(null);

  async function load() {
    try {
      const response = await api.get('/items/guidance_texts', {
        params: {
          filter: { collection: { _eq: collection.value } },
          fields: ['key', 'step', 'title', 'content', 'sort'],
          sort: ['sort'],
          limit: -1,
        },
      });
      texts.value = response.data.data;
      error.value = null;
    } catch {
      error.value = '服务话术暂时无法加载。';
    }
  }

  watch(collection, load, { immediate: true });
  const shown = computed(() => guidanceFor(texts.value, values.value ?? {}, placement.value));
  return { shown, error };
}
