export interface CustomerMatch {
  id: number;
  name: string;
  id_number: string | null;
}

export type InsuredResolution =
  | { kind: 'policy'; policyId: number }
  | { kind: 'no_policy' }
  | { kind: 'ambiguous'; candidates: number }
  | { kind: 'choose_policy'; policies: number };

/**
 * C-LOOKUP: who the report is about when the clerk gave no policy. An ID number pins the person;
 * a name alone pins them only when one customer has it. Several namesakes, or several policies of
 * the person, cannot be guessed: the clerk must ask.
 */
export function resolveInsured(
  input: { insuredName: string; insuredIdNumber: string | null },
  customers: CustomerMatch[],
  policiesOf: (customerId: number) => number[],
): InsuredResolution {
  const byId = input.insuredIdNumber ? customers.filter((c) => c.id_number?.toUpperCase() === input.insuredIdNumber?.toUpperCase()) : [];
  const people = byId.length > 0 ? byId : input.insuredIdNumber ? [] : customers.filter((c) => c.name === input.insuredName);
  if (people.length > 1) return { kind: 'ambiguous', candidates: people.length };
  const person = people[0];
  if (!person) return { kind: 'no_policy' };
  const policies = policiesOf(person.id);
  if (policies.length === 0) return { kind: 'no_policy' };
  if (policies.length > 1) return { kind: 'choose_policy', policies: policies.length };
  return { kind: 'policy', policyId: policies[0]! };
}
