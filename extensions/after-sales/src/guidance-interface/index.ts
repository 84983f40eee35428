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
  options: null,
});
