import { existsSync } from 'node:fs';
import type { Department } from '../domain/departments';
import { rolesOfDepartment } from '../shared/actor';
import { afterCommit } from '../shared/after-commit';
import { castRowsForWrite, readAll, type DataAccess } from '../shared/data-access';
import { purgeItemCache } from '../shared/tracked-update';
import { mailAfterCommit, type NoticeMail } from './mail-notices';

export interface Notice {
  subject: string;
  /** Markdown: Directus renders it in the notification drawer and e-mails; put typed text through domain/markdown-text.ts. */
  message: string;
  collection: string;
  item: string;
  /** how the server log names this notice if its mail fails (e.g. 催办单 CB2612001); the subject when not given */
  ref?: string;
}

/** Who a notice goes to: a department's active users (null: the administrators), or the users a filter selects. */
export type Recipients = { department: Department | null } | { users: Record<string, unknown> };

/** A notification in the console's notification centre (and by e-mail, after commit, where mail is configured). */
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
 * read once, the notifications written together as plain rows on the caller's connection or
 * transaction. Where mail is configured, each notice is also mailed to its recipients who take
 * notification mails, after the transaction commits and without being awaited (notices/mail-notices.ts):
 * a slow or failing mail server never holds the sweep or a case action. Returns how many notifications
 * were written.
 */
export async function sendNotices(data: DataAccess, notices: (Recipients & { notice: Notice })[]): Promise<number> {
  const recipients = new Map<string, Promise<Recipient[]>>();
  const rows: Record<string, unknown>[] = [];
  const mails: NoticeMail[] = [];
  for (const { notice, ...to } of notices) {
    const key = JSON.stringify(to);
    if (!recipients.has(key)) recipients.set(key, recipientsOf(data, to));
    const { ref, ...fields } = notice;
    const users = await recipients.get(key)!;
    for (const user of users) rows.push({ recipient: user.id, sender: null, ...fields });
    const addresses = users.filter((user) => user.email && user.email_notifications === true).map((user) => String(user.email));
    if (addresses.length)
      mails.push({ ref: ref ?? `「${notice.subject}」`, subject: notice.subject, message: notice.message, to: addresses });
  }
  if (rows.length === 0) return 0;
  const cast = await castRowsForWrite(data, 'directus_notifications', 'create', rows);
  for (let start = 0; start < cast.length; start += 100)
    await data.database('directus_notifications').insert(cast.slice(start, start + 100));
  // Plain rows bypass Directus's own cache purge: once they are committed, the notification centre must not
  // show a list cached before them.
  afterCommit(data.database, () => purgeItemCache(data, 'directus_notifications'));
  if (mailConfigured()) mailAfterCommit(data, mails);
  return rows.length;
}

interface Recipient {
  id: string;
  email?: string | null;
  email_notifications?: boolean | null;
}

async function recipientsOf(data: DataAccess, to: Recipients): Promise<Recipient[]> {
  let filter: Record<string, unknown>;
  if ('users' in to) filter = to.users;
  else if (to.department) {
    const roles = await rolesOfDepartment(data.database, to.department);
    if (!roles.length) return [];
    filter = { role: { _in: roles }, status: { _eq: 'active' } };
  } else filter = await administratorsFilter(data);
  return new data.services['UsersService']({ knex: data.database, schema: data.schema, accountability: null }).readByQuery({
    filter,
    fields: ['id', 'email', 'email_notifications'],
    limit: -1,
  });
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
