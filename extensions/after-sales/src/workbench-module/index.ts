import { defineModule } from '@directus/extensions-sdk';
import ModuleComponent from './module.vue';

export default defineModule({
  id: 'after-sales-workbench',
  name: '售后工作台',
  icon: 'inbox',
  routes: [{ path: '', component: ModuleComponent }],
});
