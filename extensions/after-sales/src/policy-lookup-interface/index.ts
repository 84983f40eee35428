import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-policy-lookup',
  name: '保单查找',
  icon: 'person_search',
  description: '一个搜索框按保单号、被保险人或投保人姓名、身份证号、电话查找保单；同名客户并列显示；选中后填入被保险人、身份证号和险种',
  component: InterfaceComponent,
  types: ['integer', 'bigInteger'],
  localTypes: ['m2o'],
  relational: true,
  group: 'relational',
  options: null,
});
