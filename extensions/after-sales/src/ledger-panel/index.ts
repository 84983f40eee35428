import { definePanel } from '@directus/extensions-sdk';
import PanelComponent from './panel.vue';

export default definePanel({
  id: 'after-sales-complaint-ledger',
  name: '客户抱怨案件登记追踪表',
  icon: 'table_view',
  description:
    '每件客户抱怨一行：编号、登记日期、客户、要求、阶段与办理部门、已用与剩余时间、时效状态、催办、责任部门、结案日期（第十三条3）',
  component: PanelComponent,
  options: [
    {
      field: 'limit',
      name: '每页条数',
      type: 'integer',
      meta: { width: 'half', interface: 'input', options: { min: 5, max: 200 } },
      schema: { default_value: 25 },
    },
    {
      field: 'overdueOnly',
      name: '默认仅看已逾期',
      type: 'boolean',
      meta: { width: 'half', interface: 'boolean' },
      schema: { default_value: false },
    },
  ],
  minWidth: 24,
  minHeight: 14,
});
