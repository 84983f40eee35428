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

/**
 * Which wording (话术) a form shows now: the intake texts always; a text whose step names the case's
 * current status or stage when the case is in it; the scene-preservation text when someone died.
 * A form may show some steps beside the field that triggers them (现场保全 beside 死亡人数).
 */
export function guidanceFor(texts: GuidanceText[], values: Record<string, unknown>, placement: GuidancePlacement = {}): GuidanceText[] {
  const state = new Set([values['status'], values['stage']].filter((value): value is string => typeof value === 'string'));
  const placed = (text: GuidanceText) =>
    (!placement.steps?.length || placement.steps.includes(text.step ?? '')) && !placement.exceptSteps?.includes(text.step ?? '');
  return texts
    .filter(placed)
    .filter(
      (text) =>
        !text.step || text.step === 'intake' || state.has(text.step) || (text.step === 'scene' && Number(values['deaths'] ?? 0) >= 1),
    )
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
}
