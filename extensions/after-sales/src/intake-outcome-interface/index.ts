import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-intake-outcome',
  name: '受理结果',
  icon: 'fact_check',
  description: '报案保存后留在本页，显示报案号、初步审核结果（不予受理的原因）、重大案件与呈报总部期限，不予受理时可直接打印通知书',
  component: InterfaceComponent,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});
