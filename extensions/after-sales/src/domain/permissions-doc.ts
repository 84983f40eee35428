import { cellOf, type AccessFile } from './access-matrix';
import { BACK_ENTRY_FIELDS } from './back-entry-fields';
import { SERVER_SET_FIELDS } from './server-set-fields';

/** docs/permissions.md, generated from snapshots/access.yaml so the two never disagree. */
export function renderPermissionsDoc(file: AccessFile): string {
  const departments = Object.keys(file.matrix);
  const collections = [...new Set(departments.flatMap((d) => Object.keys(file.matrix[d] ?? {})))];
  const notes: string[] = [];
  const cellText = (department: string, collection: string) => {
    const raw = file.matrix[department]?.[collection];
    if (!raw) return '—';
    const cell = cellOf(raw);
    const marks = (['create', 'read', 'update'] as const).filter((action) => cell[action]);
    for (const action of marks) notes.push(`${department} · ${collection} · ${action}: \`${JSON.stringify(cell[action])}\``);
    return marks.length ? `${cell.actions} ¹` : cell.actions;
  };
  const lines = [
    '# Permissions',
    '',
    '<!-- Generated from snapshots/access.yaml by `npm run docs:permissions`; tests/unit/permissions-doc.test.ts fails when it is stale. -->',
    '',
    'C create · R read · U update · D delete · — no access. Administrators (`Administrator` role) may do everything;',
    'only they delete (cases are archived with 已归档) and edit the rule tables. The public role has no access to any',
    'collection of the product, and no staff role may create or change shares.',
    '',
    `| collection | ${departments.join(' | ')} |`,
    `|---|${departments.map(() => '---').join('|')}|`,
    ...collections.map((collection) => `| \`${collection}\` | ${departments.map((d) => cellText(d, collection)).join(' | ')} |`),
    `| rule tables ² | ${departments.map(() => 'R').join(' | ')} |`,
    '',
    '¹ Only some items (`$DEPARTMENT` is the user\'s own department):',
    '',
    ...notes.map((note) => `- ${note}`),
    '',
    `² ${file.rule_tables.map((t) => `\`${t}\``).join(', ')}.`,
    '',
    'Every department also reads user names (`directus_users`: ' + file.staff_user_fields.join(', ') + ') and the history',
    '(`directus_activity`, `directus_revisions`) of the collections it may read.',
    '',
    '## Fields nobody but the server writes',
    '',
    'A request that sends one of these (administrators included) is refused with HTTP 400 and the field named.',
    '',
    '| collection | fields |',
    '|---|---|',
    ...Object.entries(SERVER_SET_FIELDS).map(([c, fields]) => `| \`${c}\` | ${Object.entries(fields).map(([f, label]) => `\`${f}\` ${label}`).join(', ')} |`),
    '',
    '## Back-entry (补录) of the real time of an event',
    '',
    'Anyone else sending one of these is refused with HTTP 403 naming the field; the server records the time when the event happens.',
    '',
    '| collection | fields | who besides administrators |',
    '|---|---|---|',
    ...Object.entries(BACK_ENTRY_FIELDS).map(([c, { fields, roles }]) => `| \`${c}\` | ${Object.entries(fields).map(([f, label]) => `\`${f}\` ${label}`).join(', ')} | ${roles.length ? roles.join(', ') : '—'} |`),
    '',
    '## Approval levels',
    '',
    'The policies ' + file.policies.filter((p) => !p.app_access).map((p) => `\`${p.name}\``).join(', ') + ' are added to individual',
    'users on top of their department role. They grant no data access; the complaint workflow checks them against',
    'the approval authority table (`approval_authorities`) when a complaint leaves a review stage.',
    '',
  ];
  return lines.join('\n');
}
