import { definePanel } from '@directus/extensions-sdk';
import { CLOCK_LABELS } from '../domain/deadline-status';
import PanelComponent from './panel.vue';

export default definePanel({
  id: 'after-sales-deadline-status',
  name: '案件时效状态',
  icon: 'timer',
  description: '各类案件进行中的时限：正常、即将超时、已逾期的件数；点击件数打开对应的案件列表',
  component: PanelComponent,
  options: [
    {
      field: 'clocks',
      name: '显示的时限（不选即全部）',
      type: 'json',
      meta: {
        width: 'full',
        interface: 'select-multiple-checkbox',
        options: { choices: Object.entries(CLOCK_LABELS).map(([value, text]) => ({ value, text })) },
      },
    },
  ],
  minWidth: 12,
  minHeight: 6,
});
