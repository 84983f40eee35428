import { CONTROL_CHARACTER } from './input-rules';
/** The longest reason for issuing a letter again that is kept with it. */
export const REISSUE_REASON_MAX = 500;

export interface ReissueCheck {
  /** the template's Chinese name (不予受理通知书 …) */
  label: string;
  /** numbers of the letters of this template already issued for the case, newest first */
  issued: string[];
  /** what the user wrote as the reason for issuing again, if anything */
  reason: unknown;
}

/**
 * A second letter of the same template for the same case is a deliberate act (a lost letter, a
 * correction): it is issued only with a reason, which is stored with it. The reason is the text as
 * typed, trimmed; a refusal is the Chinese sentence naming the rule, null when the letter may go out.
 */
export function reissueRefusal({ label, issued, reason }: ReissueCheck): string | null {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (CONTROL_CHARACTER.test(text)) return '重新出具原因含有不可见的控制字符，请重新输入。';
  if (text.length > REISSUE_REASON_MAX) return `重新出具原因不能超过 ${REISSUE_REASON_MAX} 个字。`;
  if (issued.length === 0 || text) return null;
  return `本案已出具过${label}（文书编号 ${issued.join('、')}），再次出具须说明重新出具原因（如原件遗失、内容更正），原因随文书保存。`;
}

/** The reason stored with a letter: the trimmed text, or null for a first letter. */
export function reissueReason(issued: string[], reason: unknown): string | null {
  const text = typeof reason === 'string' ? reason.trim() : '';
  return issued.length > 0 && text ? text : null;
}
