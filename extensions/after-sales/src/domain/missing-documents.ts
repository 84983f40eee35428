export interface RequiredDocument {
  claim_type: string;
  doc_type: string;
  required: boolean;
  sort?: number | null;
}

/** The checklist for a claim type: the basic documents (`all`) and those of the type, in order. */
export function checklistFor(claimType: string, table: RequiredDocument[]): RequiredDocument[] {
  return table
    .filter((row) => row.claim_type === 'all' || row.claim_type === claimType)
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
    .filter((row, index, rows) => rows.findIndex((other) => other.doc_type === row.doc_type) === index);
}

/** Required documents of the type not (yet) received, as document type keys in checklist order. */
export function missingDocuments(
  claimType: string,
  table: RequiredDocument[],
  received: { doc_type: string; received: boolean }[],
): string[] {
  const have = new Set(received.filter((doc) => doc.received).map((doc) => doc.doc_type));
  return checklistFor(claimType, table)
    .filter((row) => row.required && !have.has(row.doc_type))
    .map((row) => row.doc_type);
}

export interface ChecklistEntry {
  id: number | string;
  doc_type: string;
  received: boolean;
}

/**
 * The checklist after the claim type changed: documents of the new type that are not on the list yet
 * are added; entries the new type does not ask for go only when nothing was received for them (what
 * the customer handed in stays on record).
 */
export function checklistAfterTypeChange(
  claimType: string,
  table: RequiredDocument[],
  entries: ChecklistEntry[],
): { add: string[]; remove: (number | string)[] } {
  const wanted = checklistFor(claimType, table).map((row) => row.doc_type);
  const listed = new Set(entries.map((entry) => entry.doc_type));
  return {
    add: wanted.filter((docType) => !listed.has(docType)),
    remove: entries.filter((entry) => !entry.received && !wanted.includes(entry.doc_type)).map((entry) => entry.id),
  };
}
