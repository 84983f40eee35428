import { existsSync } from 'node:fs';
import type { Department } from '../domain/departments';
import { rolesOfDepartment } from '../shared/actor';
import { readAll, type DataAccess } from '../shared/data-access';

export interface Notice {
  subject: string;
  /** Markdown: Directus renders it in the notification drawer and e-mails; put typed text through domain/markdown-text.ts. */
  message: string;
  collection: string;
  item: string;
}

/** A notification in the console's notification centre (and by e-mail where mail is configured). */
export async function notifyDepartment(data: DataAccess, department: Department | null, notice: Notice): Promise<number> {
  if (!department) return notifyAdministrators(data, notice);
  const roles = await rolesOfDepartment(data.database, department);
  return roles.length ? notifyUsers(data, { role: { _in: roles }, status: { _eq: 'active' } }, notice) : 0;
}

export async function notifyAdministrators(data: DataAccess, notice: Notice): Promise<number> {
  const admins = await readAll(data, 'directus_policies', { filter: { admin_access: { _eq: true } }, fields: ['id'] });
  const ids = admins.map((policy) => policy['id']);
  return notifyUsers(data, { status: { _eq: 'active' }, _or: [{ role: { policies: { policy: { _in: ids } } } }, { policies: { policy: { _in: ids } } }] }, notice);
}

let mail: boolean | undefined;

/**
 * Whether notifications also go out by e-mail: a transport the administrator configured. Directus's
 * default (sendmail) without a sendmail program is no mail at all: notices then stay in the console
 * instead of logging a failed delivery for every notice.
 */
export function mailConfigured(env: Record<string, string | undefined> = process.env): boolean {
  if (env === process.env && mail !== undefined) return mail;
  const transport = env['EMAIL_TRANSPORT'] ?? 'sendmail';
  const configured = transport !== 'sendmail' || existsSync(env['EMAIL_SENDMAIL_PATH'] ?? '/usr/sbin/sendmail');
  if (env === process.env) mail = configured;
  return configured;
}

export async function notifyUsers(data: DataAccess, filter: Record<string, unknown>, notice: Notice): Promise<number> {
  const users = await new data.services['UsersService']({ knex: data.database, schema: data.schema, accountability: null }).readByQuery({ filter, fields: ['id'], limit: -1 });
  if (users.length === 0) return 0;
  // NotificationsService writes the notification and mails it; without mail, the notification alone.
  const options = { knex: data.database, schema: data.schema, accountability: null };
  const notifications = mailConfigured() ? new data.services['NotificationsService'](options) : new data.services['ItemsService']('directus_notifications', options);
  await notifications.createMany(users.map((user: { id: string }) => ({ recipient: user.id, sender: null, ...notice })));
  return users.length;
}
