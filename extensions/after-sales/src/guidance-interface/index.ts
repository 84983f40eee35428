import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-guidance',
  name: '服务话术',
  icon: 'record_voice_over',
  description: '在表单中显示“规则配置 → 服务话术”里本表单当前步骤的话术与提示',
  component: InterfaceComponent,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: [
    {
      field: 'steps',
      name: '只显示这些步骤',
      type: 'csv',
      meta: { width: 'half', interface: 'tags', note: '放在相关字段旁时填写，如 scene（现场保全，放在死亡人数旁）' },
    },
    {
      field: 'exceptSteps',
      name: '不显示这些步骤',
      type: 'csv',
      meta: { width: 'half', interface: 'tags', note: '已在表单其他位置显示的步骤' },
    },
  ],
});
