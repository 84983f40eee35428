import { afterCommit } from '../shared/after-commit';
import type { DataAccess } from '../shared/data-access';

/** One notice by e-mail: every recipient of it in one message (Bcc), so a failure is one failure of that notice. */
export interface NoticeMail {
  /** what the log names the notice by: its number (催办单 CB…) or its subject */
  ref: string;
  subject: string;
  /** the notice's markdown, as in the notification centre */
  message: string;
  to: string[];
}

interface Logger {
  warn: (message: string) => void;
}

let logger: Logger = { warn: (message) => console.warn(message) };

/** Directus's logger (set by the hook at start), so failed mails show in the server log like everything else. */
export function setNoticeMailLogger(value: Logger): void {
  logger = value;
}

/** Mails in flight per instance: a slow or refusing mail server holds a few connections, never the sweep. */
export const MAIL_CONCURRENCY = 4;

interface Job {
  services: Record<string, any>;
  schema: unknown;
  mail: NoticeMail;
}

const queue: Job[] = [];
let running = 0;
let mailer: any;

/**
 * Mails notices once the transaction that wrote them has committed (at once when `data.database` is no
 * transaction); a rollback mails nothing. Never awaited by the writer: the mails queue in this process
 * and go out MAIL_CONCURRENCY at a time; each failure is logged once, as a warning naming the notice.
 * The notification in the console is the record; a mail lost with a crash before it was sent is not
 * sent again.
 */
export function mailAfterCommit(data: DataAccess, mails: NoticeMail[]): void {
  if (mails.length === 0) return;
  afterCommit(data.database, () => {
    for (const mail of mails) queue.push({ services: data.services, schema: data.schema, mail });
    pump();
  });
}

function pump(): void {
  while (running < MAIL_CONCURRENCY && queue.length > 0) {
    const job = queue.shift()!;
    running++;
    deliver(job).finally(() => {
      running--;
      pump();
    });
  }
}

async function deliver({ services, schema, mail }: Job): Promise<void> {
  try {
    // One MailService per process: its constructor checks the connection to the mail server (and logs when that fails).
    mailer ??= new services['MailService']({ schema, accountability: null });
    await mailer.send({
      bcc: mail.to,
      subject: mail.subject,
      template: { name: 'base', data: { html: messageHtml(mail.message) } },
    });
  } catch (error) {
    logger.warn(`[after-sales] notice ${mail.ref} not mailed to ${mail.to.length} recipient(s): ${reasonOf(error)}`);
  }
}

const reasonOf = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .replace(/\s+/g, ' ')
    .slice(0, 300);

/** The notice's markdown as HTML for the mail: its escapes undone, then every character escaped for HTML. */
export function messageHtml(markdown: string): string {
  const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const html = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<p>${html.replace(/\r?\n/g, '<br>')}</p>`;
}
