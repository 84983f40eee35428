import { definePanel } from '@directus/extensions-sdk';
import PanelComponent from './panel.vue';

export default definePanel({
  id: 'after-sales-monthly-stats',
  name: '客户投诉案件统计',
  icon: 'query_stats',
  description: '近12个月结案与逾期件数趋势，及各责任部门件数与比率（第十三条9，客户投诉案件统计表）',
  component: PanelComponent,
  options: [],
  minWidth: 16,
  minHeight: 10,
});
