import { defineModule } from '@directus/extensions-sdk';
import CalendarPage from './calendar-page.vue';
import ConfigPage from './config-page.vue';
import RevisionsPage from './revisions-page.vue';

/**
 * 规则管理: the working calendar as a month view (click a day to toggle it, import the State
 * Council's notice) and 规则修订记录 (the 总经理 approves rule revisions, 第十六条). Shown to
 * administrators and to whoever may change the calendar or approve revisions (access.yaml).
 */
export default defineModule({
  id: 'after-sales-rules',
  name: '规则管理',
  icon: 'event_available',
  routes: [
    { path: '', component: CalendarPage },
    { path: 'revisions', component: RevisionsPage },
    { path: 'config', component: ConfigPage },
  ],
  preRegisterCheck(user, permissions) {
    if (user.admin_access) return true;
    return (
      permissions['work_calendar']?.update?.access === 'full' ||
      ['partial', 'full'].includes(permissions['rule_revisions']?.update?.access ?? 'none')
    );
  },
});
