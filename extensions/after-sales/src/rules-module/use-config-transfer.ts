import { useApi } from '@directus/extensions-sdk';
import { computed, ref } from 'vue';
import type { ConfigImportResult } from '../config-transfer/transfer-config';
import { messageOf } from './use-calendar';

const shown = (value: unknown) =>
  value === null || value === undefined ? '（空）' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * 配置导入导出: download the console's configuration, paste another console's, preview what it changes
 * (the server's dry run) and import it. The server decides everything; this keeps the text and the answers.
 */
export function useConfigTransfer() {
  const api = useApi();
  const text = ref('');
  const preview = ref<ConfigImportResult | null>(null);
  const imported = ref<ConfigImportResult | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function download() {
    error.value = null;
    try {
      const response = await api.get('/after-sales/config/export', { responseType: 'text' });
      const name = /filename="([^"]+)"/.exec(String(response.headers['content-disposition'] ?? ''))?.[1] ?? 'after-sales-config.yaml';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([response.data], { type: 'application/yaml' }));
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      error.value = messageOf(e, '导出失败，请稍后再试。');
    }
  }

  async function send(dryRun: boolean) {
    busy.value = true;
    error.value = null;
    try {
      const response = await api.post('/after-sales/config/import', { yaml: text.value, dry_run: dryRun });
      if (dryRun) preview.value = response.data.data;
      else {
        imported.value = response.data.data;
        preview.value = null;
      }
    } catch (e) {
      error.value = messageOf(e, '导入失败，请稍后再试。');
      if (dryRun) preview.value = null;
    } finally {
      busy.value = false;
    }
  }

  const changes = computed(() =>
    (preview.value?.rows ?? []).map((row) => ({
      id: `${row.table}:${row.key}`,
      title: `${row.table_label}「${row.key}」${row.action === 'create' ? '新增' : '修改'}`,
      lines: row.action === 'update' ? row.changes.map((change) => `${change.label}：${shown(change.from)}→${shown(change.to)}`) : [],
    })),
  );
  const settingChanges = computed(() =>
    (preview.value?.settings ?? []).map((change) => `${change.label}：${shown(change.from)}→${shown(change.to)}`),
  );

  const summary = computed(() => {
    const counts = preview.value?.counts;
    return counts
      ? `将新增 ${counts.created} 行、修改 ${counts.updated} 行、修改 ${counts.settings} 项设置；${counts.unchanged} 行不变。`
      : '';
  });
  const doneText = computed(() => {
    const result = imported.value;
    if (!result) return '';
    const { created, updated, settings } = result.counts;
    return `已导入：新增 ${created} 行，修改 ${updated} 行、${settings} 项设置；已按新规则重算 ${result.recomputed ?? 0} 件未结案件的时限。规则的修改已记入规则修订记录，待总经理核准。`;
  });

  function loadFile(file: File | undefined) {
    if (!file) return;
    void file.text().then((content) => {
      text.value = content;
      preview.value = null;
      imported.value = null;
    });
  }

  return {
    text,
    preview,
    imported,
    busy,
    error,
    changes,
    settingChanges,
    summary,
    doneText,
    download,
    loadFile,
    check: () => send(true),
    apply: () => send(false),
  };
}
