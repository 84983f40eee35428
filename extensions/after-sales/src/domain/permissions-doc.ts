import { cellOf, readsHistoryOf, type AccessFile } from './access-matrix';
import { BACK_ENTRY_FIELDS } from './back-entry-fields';
import { STAGE_FIELD_OWNERS } from './complaint-workflow';
import { maskedCopyLabel, maskedCopyOf, PERSONAL_FIELDS } from './personal-data';
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
  const withheld = file.personal_data_withheld_from;
  const history = (department: string) => {
    const grants = { ...Object.fromEntries(file.rule_tables.map((table) => [table, 'R'])), ...file.matrix[department] };
    const own = Object.entries(grants)
      .filter(([collection, cell]) => readsHistoryOf(file, department, collection, cellOf(cell)))
      .map(([collection]) => collection);
    const rules = file.rule_tables.every((table) => own.includes(table));
    return [
      ...own.filter((collection) => !file.rule_tables.includes(collection)).map((c) => `\`${c}\``),
      ...(rules ? ['rule tables ²'] : []),
    ].join(', ');
  };
  const serverSet: Record<string, string[]> = Object.fromEntries(
    Object.entries(SERVER_SET_FIELDS).map(([c, fields]) => [c, Object.entries(fields).map(([f, label]) => `\`${f}\` ${label}`)]),
  );
  for (const [collection, fields] of Object.entries(PERSONAL_FIELDS)) {
    serverSet[collection] = [
      ...(serverSet[collection] ?? []),
      ...Object.entries(fields).map(([field, kind]) => `\`${maskedCopyOf(field)}\` ${maskedCopyLabel(kind)}`),
    ];
  }
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
    "¹ Only some items (`$DEPARTMENT` is the user's own department):",
    '',
    ...notes.map((note) => `- ${note}`),
    '',
    `² ${file.rule_tables.map((t) => `\`${t}\``).join(', ')}.`,
    '',
    'Every department also reads user names (`directus_users`: ' + file.staff_user_fields.join(', ') + ').',
    '',
    '## Personal data',
    '',
    `ID numbers and personal phone numbers are withheld from ${withheld.join(', ')}: their permissions list every field`,
    'of the collection except these (read, create, update), so Directus refuses any query that names one. They read the',
    'masked copy the server keeps beside each field instead (docs/personal-data.md).',
    '',
    '| collection | personal field | masked copy |',
    '|---|---|---|',
    ...Object.entries(PERSONAL_FIELDS).flatMap(([c, fields]) =>
      Object.keys(fields).map((f) => `| \`${c}\` | \`${f}\` | \`${maskedCopyOf(f)}\` |`),
    ),
    '',
    '## History',
    '',
    'A department reads the history (`directus_revisions`, `directus_activity`) only of the collections whose every item and',
    'every field it may read; the history of any other case it may read comes from `GET /after-sales/history/:collection/:id`,',
    "which applies the case's own read permission and leaves out (or masks) the fields the reader may not see.",
    '',
    `| department | reads the history of |`,
    '|---|---|',
    ...departments.map((d) => `| ${d} | ${history(d)} |`),
    '',
    '## Fields nobody but the server writes',
    '',
    'A request that sends one of these (administrators included) is refused with HTTP 400 and the field named.',
    '',
    '| collection | fields |',
    '|---|---|',
    ...Object.entries(serverSet).map(([c, fields]) => `| \`${c}\` | ${fields.join(', ')} |`),
    '',
    'A masked copy (`…_masked`) passes only as the exact mask of the personal value sent with it (restoring a revision sends both).',
    '',
    '## Back-entry (补录) of the real time of an event',
    '',
    'Anyone else sending one of these is refused with HTTP 403 naming the field; the server records the time when the event happens.',
    '',
    '| collection | fields | who besides administrators |',
    '|---|---|---|',
    ...Object.entries(BACK_ENTRY_FIELDS).map(
      ([c, { fields, roles }]) =>
        `| \`${c}\` | ${Object.entries(fields)
          .map(([f, label]) => `\`${f}\` ${label}`)
          .join(', ')} | ${roles.length ? roles.join(', ') : '—'} |`,
    ),
    '',
    '## Complaint fields each department writes',
    '',
    "A department's update permission on `complaints` lists only the fields it writes in its own stages (field ownership,",
    '`STAGE_FIELD_OWNERS`) besides the server-set and presentation fields, so the admin app shows every other field read-only',
    'in its form; a PATCH that sends one is refused by the workflow hook first, naming the stage and the department that writes it.',
    '',
    '| department | complaint fields it writes |',
    '|---|---|',
    ...file.policies
      .filter((p) => p.department)
      .map(
        (p) =>
          `| ${p.name} | ${ownedComplaintFields(p.department!)
            .map((f) => `\`${f}\``)
            .join(', ')} |`,
      ),
    '',
    '## Approval levels',
    '',
    'The policies ' +
      file.policies
        .filter((p) => !p.app_access)
        .map((p) => `\`${p.name}\``)
        .join(', ') +
      ' are added to individual',
    'users on top of their department role. They grant no data access; the complaint workflow checks them against',
    'the approval authority table (`approval_authorities`) when a complaint leaves a review stage.',
    '',
  ];
  return lines.join('\n');
}

/** The complaint fields a department writes in the form, over all its stages. */
function ownedComplaintFields(department: string): string[] {
  return [
    ...new Set(
      Object.values(STAGE_FIELD_OWNERS)
        .filter((owner) => owner.department === department)
        .flatMap((owner) => owner.fields),
    ),
  ].sort();
}
