import { defineInterface } from '@directus/extensions-sdk';
import InterfaceComponent from './interface.vue';

export default defineInterface({
  id: 'after-sales-letters',
  name: '文书',
  icon: 'print',
  description: '在案件表单中预览、出具和打印文书，并列出已出具的文书',
  component: InterfaceComponent,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: [
    {
      field: 'template',
      name: '文书模板',
      type: 'string',
      meta: {
        width: 'full',
        interface: 'select-dropdown',
        options: {
          choices: [
            { text: '不予受理通知书', value: 'rejection_notice' },
            { text: '投诉答复函', value: 'complaint_reply' },
            { text: '材料补充通知书', value: 'missing_documents_notice' },
            { text: '催办单', value: 'urge_notice' },
            { text: '洽办单', value: 'overdue_inquiry' },
          ],
        },
      },
    },
  ],
});
