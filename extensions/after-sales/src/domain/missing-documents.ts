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
export function missingDocuments(claimType: string, table: RequiredDocument[], received: { doc_type: string; received: boolean }[]): string[] {
  const have = new Set(received.filter((doc) => doc.received).map((doc) => doc.doc_type));
  return checklistFor(claimType, table)
    .filter((row) => row.required && !have.has(row.doc_type))
    .map((row) => row.doc_type);
}
