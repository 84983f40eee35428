import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-moves',
  name: '办理',
  icon: 'move_down',
  description: '在投诉表单中办理下一步（送总经理室、登记编号、核准、结案等），并列出处理记录',
  component: InterfaceComponent,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});
