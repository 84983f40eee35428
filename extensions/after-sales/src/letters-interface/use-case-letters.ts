import { useApi } from '@directus/extensions-sdk';
import { ref, watch, type Ref } from 'vue';
import { formatLocal } from '../domain/zoned-time';
import { businessTimeZone } from '../shared/business-time-zone';

export interface IssuedLetter {
  id: number;
  letter_no: string;
  issued_at: string;
  originals_returned: boolean;
  reissue_reason: string | null;
}

// The app has no server environment: times show in the default business time zone, as everywhere in the console.
const TIME_ZONE = businessTimeZone({});

/** 2026-12-05 14:20, the one way the console shows a time. */
export const issuedTime = (letter: IssuedLetter) => formatLocal(new Date(letter.issued_at), TIME_ZONE);

/** The letters of one case: list, preview, issue, print, and recording that originals went back. */
export function useCaseLetters(template: Ref<string>, collection: Ref<string>, item: Ref<string | number | null>) {
  const api = useApi();
  const letters = ref<IssuedLetter[]>([]);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const root = () => String(api.defaults.baseURL ?? '').replace(/\/$/, '');
  const query = () => new URLSearchParams({ template: template.value, collection: collection.value, item: String(item.value) }).toString();
  const messageOf = (e: any) => e?.response?.data?.errors?.[0]?.message ?? '操作失败，请稍后再试。';

  async function load() {
    if (item.value === null) return;
    const response = await api.get('/items/letters', {
      params: {
        filter: { collection: { _eq: collection.value }, item: { _eq: String(item.value) }, template: { _eq: template.value } },
        sort: ['-issued_at'],
        fields: ['id', 'letter_no', 'issued_at', 'originals_returned', 'reissue_reason'],
      },
    });
    letters.value = response.data.data;
  }

  function preview() {
    window.open(`${root()}/after-sales/letters/preview?${query()}`, '_blank');
  }

  const printUrl = (id: number) => `${root()}/after-sales/letters/${id}/print`;

  function print(id: number) {
    window.open(printUrl(id), '_blank');
  }

  /** Issues the letter; a second one of the template for the case carries the reason (the server insists on it). */
  async function issue(reason?: string) {
    busy.value = true;
    error.value = null;
    // The print window opens on the click itself: opened after the server answers, a slow answer
    // outlasts the browser's allowance for pop-ups after a click and the window is blocked.
    const printWindow = window.open('', '_blank');
    printWindow?.document.write('<p style="font-family:sans-serif">正在出具文书，请稍候……</p>');
    try {
      const body = { template: template.value, collection: collection.value, item: String(item.value), ...(reason ? { reason } : {}) };
      const response = await api.post('/after-sales/letters', body);
      const id: number = response.data.data.id;
      if (printWindow && !printWindow.closed) printWindow.location.href = printUrl(id);
      else print(id);
      await load();
    } catch (e) {
      printWindow?.close();
      error.value = messageOf(e);
    } finally {
      busy.value = false;
    }
  }

  async function markReturned(letter: IssuedLetter) {
    try {
      await api.patch(`/items/letters/${letter.id}`, { originals_returned: true });
      await load();
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  watch([template, collection, item], () => load().catch((e) => (error.value = messageOf(e))), { immediate: true });
  return { letters, busy, error, preview, issue, print, markReturned };
}
