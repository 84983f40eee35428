/**
 * Back-entry (补录): the real time of an event on a case taken on paper. Administrators may set these
 * fields, and the roles named here; for everyone else the server sets them when the event happens.
 */
export const BACK_ENTRY_FIELDS: Record<string, { fields: Record<string, string>; roles: string[] }> = {
  claim_reports: {
    // The scene and survey notices: the clerk ticks them and the server records the time (scene-survey-marks.ts).
    fields: {
      reported_at: '报案时间',
      scene_protection_notified_at: '通知保护现场时间',
      insurer_survey_notified_at: '通知查勘时间',
      survey_report_received_at: '收到查勘报告时间',
    },
    roles: [],
  },
  claim_applications: { fields: { materials_complete_at: '材料齐全时间', handed_over_at: '移交时间' }, roles: [] },
  complaints: {
    fields: { registered_at: '总经理室受理时间', investigated_at: '调查完成时间', closed_at: '结案时间' },
    roles: ['总经理室'],
  },
};

/** Whether the payload sets any back-entry field of the collection (only then does the role matter). */
export function touchesBackEntry(collection: string, payload: Record<string, unknown>): boolean {
  return Object.keys(BACK_ENTRY_FIELDS[collection]?.fields ?? {}).some((field) => field in payload);
}

/**
 * The back-entry fields of a collection the user's role may not set: the one list behind both the refusal
 * of a write (forbiddenBackEntry) and the read-only fields of the form (domain/fields-not-written.ts).
 */
export function backEntryFieldsRefused(collection: string, isAdmin: boolean, roleName: string | null): string[] {
  const entry = BACK_ENTRY_FIELDS[collection];
  if (!entry || isAdmin || (roleName !== null && entry.roles.includes(roleName))) return [];
  return Object.keys(entry.fields);
}

/** The first back-entry field of the payload the user's role may not set, if any. */
export function forbiddenBackEntry(
  collection: string,
  payload: Record<string, unknown>,
  isAdmin: boolean,
  roleName: string | null,
): { field: string; label: string; allowed: string } | null {
  const entry = BACK_ENTRY_FIELDS[collection];
  const field = backEntryFieldsRefused(collection, isAdmin, roleName).find((name) => name in payload);
  if (!entry || !field) return null;
  return { field, label: entry.fields[field] ?? field, allowed: ['管理员', ...entry.roles].join('或') };
}
