import { meetsCondition } from './rule-condition';

export interface GuidanceText {
  key: string;
  step: string | null;
  title: string;
  content: string;
  sort: number | null;
}

/** Where in the form a guidance field stands: only some steps (next to the field they concern), or all but those. */
export interface GuidancePlacement {
  steps?: string[];
  exceptSteps?: string[];
}

/** What the form needs of a deadline rule to know whether it applies to the case being typed. */
export interface StepRule {
  key: string;
  active: boolean | null;
  applies_when?: unknown;
}

/**
 * Steps whose wording shows exactly when a deadline rule applies to the case (its 适用条件, rule-condition.ts): the
 * 现场保全 wording for the reporter and the staff prompt follow the rule that starts the scene clock, so an
 * administrator who changes that condition changes both the clock and what the clerk is told to say.
 */
export const RULE_STEPS: Record<string, string> = { scene: 'scene_protection', scene_tasks: 'scene_protection' };

/** Whether a rule step's wording shows: its rule exists, is on, and its condition holds for the values. */
function ruleStepApplies(step: string, values: Record<string, unknown>, rules: StepRule[]): boolean {
  const rule = rules.find((candidate) => candidate.key === RULE_STEPS[step]);
  return Boolean(rule?.active) && meetsCondition(rule?.applies_when ?? null, values);
}

/**
 * Which wording (话术) a form shows now: the intake texts always; a text whose step names the case's current
 * status or stage when the case is in it; a rule step's text (RULE_STEPS) when its deadline rule applies to the
 * case. A form may show some steps beside the field that triggers them (现场保全 beside 死亡人数).
 */
export function guidanceFor(
  texts: GuidanceText[],
  values: Record<string, unknown>,
  placement: GuidancePlacement = {},
  rules: StepRule[] = [],
): GuidanceText[] {
  const state = new Set([values['status'], values['stage']].filter((value): value is string => typeof value === 'string'));
  const placed = (text: GuidanceText) =>
    (!placement.steps?.length || placement.steps.includes(text.step ?? '')) && !placement.exceptSteps?.includes(text.step ?? '');
  const due = (step: string | null) => {
    if (!step || step === 'intake') return true;
    return step in RULE_STEPS ? ruleStepApplies(step, values, rules) : state.has(step);
  };
  return texts
    .filter(placed)
    .filter((text) => due(text.step))
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
}
