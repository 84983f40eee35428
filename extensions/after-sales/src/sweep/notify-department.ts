import { existsSync } from 'node:fs';
import type { Department } from '../domain/departments';
import { rolesOfDepartment } from '../shared/actor';
import { castForWrite, readAll, type DataAccess } from '../shared/data-access';

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

/**
 * Many notices at once (the sweep's batch): each department's recipients read once, the
 * notifications written together (plain rows when there is no mail; through NotificationsService,
 * which mails each, when there is). Returns how many notifications were written.
 */
export async function notifyDepartments(data: DataAccess, notices: { department: Department | null; notice: Notice }[]): Promise<number> {
  const recipients = new Map<Department | null, Promise<string[]>>();
  const rows: Record<string, unknown>[] = [];
  for (const { department, notice } of notices) {
    if (!recipients.has(department)) recipients.set(department, recipientsOf(data, department));
    for (const recipient of await recipients.get(department)!) rows.push({ recipient, sender: null, ...notice });
  }
  if (rows.length === 0) return 0;
  const options = { knex: data.database, schema: data.schema, accountability: null };
  if (mailConfigured()) {
    await new data.services['NotificationsService'](options).createMany(rows);
    return rows.length;
  }
  const cast = await Promise.all(rows.map((row) => castForWrite(data, 'directus_notifications', 'create', row)));
  for (let start = 0; start < cast.length; start += 100)
    await data.database('directus_notifications').insert(cast.slice(start, start + 100));
  return rows.length;
}

async function recipientsOf(data: DataAccess, department: Department | null): Promise<string[]> {
  let filter: Record<string, unknown>;
  if (department) {
    const roles = await rolesOfDepartment(data.database, department);
    if (!roles.length) return [];
    filter = { role: { _in: roles }, status: { _eq: 'active' } };
  } else filter = await administratorsFilter(data);
  const users = await new data.services['UsersService']({ knex: data.database, schema: data.schema, accountability: null }).readByQuery({
    filter,
    fields: ['id'],
    limit: -1,
  });
  return users.map((user: { id: string }) => user.id);
}

async function administratorsFilter(data: DataAccess): Promise<Record<string, unknown>> {
  const admins = await readAll(data, 'directus_policies', { filter: { admin_access: { _eq: true } }, fields: ['id'] });
  const ids = admins.map((policy) => policy['id']);
  return { status: { _eq: 'active' }, _or: [{ role: { policies: { policy: { _in: ids } } } }, { policies: { policy: { _in: ids } } }] };
}

export async function notifyAdministrators(data: DataAccess, notice: Notice): Promise<number> {
  return notifyUsers(data, await administratorsFilter(data), notice);
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
  const users = await new data.services['UsersService']({ knex: data.database, schema: data.schema, accountability: null }).readByQuery({
    filter,
    fields: ['id'],
    limit: -1,
  });
  if (users.length === 0) return 0;
  // NotificationsService writes the notification and mails it; without mail, the notification alone.
  const options = { knex: data.database, schema: data.schema, accountability: null };
  const notifications = mailConfigured()
    ? new data.services['NotificationsService'](options)
    : new data.services['ItemsService']('directus_notifications', options);
  await notifications.createMany(users.map((user: { id: string }) => ({ recipient: user.id, sender: null, ...notice })));
  return users.length;
}
