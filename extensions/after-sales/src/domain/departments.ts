/** Department keys (stored on cases) and the role each maps to (directus_roles.name, fixed by the contract). */
export const DEPARTMENT_ROLES = {
  market: '市场部',
  operations: '运营部',
  gm_office: '总经理室',
  tech: '技术部',
  quality: '质量管理部',
} as const;

export type Department = keyof typeof DEPARTMENT_ROLES;

/** The department whose role has this name, or null. */
export const departmentOfRole = (name: string | null): Department | null =>
  (Object.entries(DEPARTMENT_ROLES).find(([, role]) => role === name)?.[0] as Department | undefined) ?? null;

/** Which department holds a complaint in each stage (docs/contract.md, "Complaint stages"). */
export const STAGE_HOLDERS: Record<string, Department | null> = {
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
