import * as CHOICES from '../../../../scripts/model/choices.mjs';
import { STAGE_HOLDERS as HOLDERS } from '../../../../scripts/model/stage-holders.mjs';
import { labelsOf } from './choice-labels';

/**
 * Department keys (stored on cases) and the role each maps to (directus_roles.name, fixed by the contract):
 * the schema's department choices (scripts/model/choices.mjs), whose labels are the role names.
 */
export const DEPARTMENT_ROLES = labelsOf(CHOICES.DEPARTMENTS);

export type Department = keyof typeof DEPARTMENT_ROLES;

/** The department whose role has this name, or null. */
export const departmentOfRole = (name: string | null): Department | null =>
  (Object.entries(DEPARTMENT_ROLES).find(([, role]) => role === name)?.[0] as Department | undefined) ?? null;

/** Which department holds a complaint in each stage (docs/contract.md, "Complaint stages"; the benchmarks read it too). */
export const STAGE_HOLDERS: Readonly<Record<string, Department | null>> = HOLDERS;
