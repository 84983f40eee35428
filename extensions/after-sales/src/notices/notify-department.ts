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

/** Who a notice goes to: a department's active users (null: the administrators), or the users a filter selects. */
export type Recipients = { department: Department | null } | { users: Record<string, unknown> };

/** A notification in the console's notification centre (and by e-mail where mail is configured). */
export async function notifyDepartment(data: DataAccess, department: Department | null, notice: Notice): Promise<number> {
  return sendNotices(data, [{ department, notice }]);
}

export async function notifyAdministrators(data: DataAccess, notice: Notice): Promise<number> {
  return sendNotices(data, [{ department: null, notice }]);
}

export async function notifyUsers(data: DataAccess, users: Record<string, unknown>, notice: Notice): Promise<number> {
  return sendNotices(data, [{ users, notice }]);
}

/**
 * The one way notices are written, one or many at once (the sweep's batch): each set of recipients
 * read once, the notifications written together (plain rows when there is no mail; through
 * NotificationsService, which mails each, when there is). Returns how many notifications were written.
 */
export async function sendNotices(data: DataAccess, notices: (Recipients & { notice: Notice })[]): Promise<number> {
  const recipients = new Map<string, Promise<string[]>>();
  const rows: Record<string, unknown>[] = [];
  for (const { notice, ...to } of notices) {
    const key = JSON.stringify(to);
    if (!recipients.has(key)) recipients.set(key, recipientsOf(data, to));
    for (const recipient of await recipients.get(key)!) rows.push({ recipient, sender: null, ...notice });
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

async function recipientsOf(data: DataAccess, to: Recipients): Promise<string[]> {
  let filter: Record<string, unknown>;
  if ('users' in to) filter = to.users;
  else if (to.department) {
    const roles = await rolesOfDepartment(data.database, to.department);
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
