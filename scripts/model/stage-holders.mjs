// Which department holds a complaint in each stage (docs/contract.md, "Complaint stages"): the extension
// reads it as domain/departments.ts `STAGE_HOLDERS`; the benchmarks, which load complaints straight into the
// database, read it here.

/** @typedef {(typeof import('./choices.mjs').DEPARTMENTS)[number]['value']} Department */

/** @type {Readonly<Record<string, Department | null>>} */
export const STAGE_HOLDERS = {
  draft: 'market',
  submitted: 'gm_office',
  registered: 'gm_office',
  investigating: 'operations',
  tech_analysis: 'tech',
  plan_review: 'gm_office',
  negotiating: 'market',
  final_review: 'gm_office',
  closed: null,
};
