import { defineModule } from '@directus/extensions-sdk';
import { installAppChrome } from '../app-shell/app-chrome';
import { installReadOnlyFields } from '../app-shell/read-only-fields';
import ModuleComponent from './module.vue';

// The app loads the bundle's app code once after sign-in, whichever page is open: the adjustments of
// the app's own chrome (error boxes, date-picker weekdays, sidebar default) hold on every page from then on.
installAppChrome();
// Fields the user may not write are read-only in every form (app-shell/read-only-fields.ts).
installReadOnlyFields();

export default defineModule({
  id: 'after-sales-workbench',
  name: '售后工作台',
  icon: 'inbox',
  routes: [{ path: '', component: ModuleComponent }],
});
