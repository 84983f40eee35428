export interface GuidanceText {
  key: string;
  step: string | null;
  title: string;
  content: string;
  sort: number | null;
}

/**
 * Which wording (话术) a form shows now: the intake texts always; a text whose step names the case's
 * current status or stage when the case is in it; the scene-preservation text when someone died.
 */
export function guidanceFor(texts: GuidanceText[], values: Record<string, unknown>): GuidanceText[] {
  const state = new Set([values['status'], values['stage']].filter((value): value is string => typeof value === 'string'));
  return texts
    .filter((text) => !text.step || text.step === 'intake' || state.has(text.step) || (text.step === 'scene' && Number(values['deaths'] ?? 0) >= 1))
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
}
