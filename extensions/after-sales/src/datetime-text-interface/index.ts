import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-datetime-text',
  name: '日期时间（可输入）',
  icon: 'edit_calendar',
  description: '日期时间既可直接输入（2026-11-30 14:20、今天 14:20、昨天 9:05），也可在日历中选择；输入后显示识别出的时间',
  component: InterfaceComponent,
  types: ['timestamp', 'dateTime'],
  group: 'selection',
  options: null,
});
