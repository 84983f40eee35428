import { refuse, text, touched, type FollowUpActor, type FollowUpJudgement } from './follow-up-actor';

/**
 * K-REPORT3D (第十三条 2): after the investigation the quality department (or an administrator acting for it)
 * reports the complaint's abnormality and its handling to the GM, once; the GM Office writes the GM's
 * instruction (批示) on it, once. The report text is not changed afterwards.
 */
export const QUALITY_REPORTER = 'quality';
const GM_OFFICE = 'gm_office';

type Row = Record<string, unknown>;

export function judgeNewQualityReport(payload: Row, complaint: Row | null, actor: FollowUpActor): FollowUpJudgement<'report'> {
  if (!actor.isAdmin && actor.department !== QUALITY_REPORTER) return refuse('质量报告由质量管理部提出。', true);
  if (!complaint) return refuse('请选择要报告的投诉。');
  if (!complaint['investigated_at']) return refuse('该投诉运营部尚未调查完毕，调查完毕后才能提出质量报告。');
  if (!text(payload['report'])) return refuse('请填写“报告内容”：客户反应的异常内容及处理情况。');
  if (text(payload['gm_instruction'])) return refuse('总经理批示由总经理室在报告提出后填写。', true);
  return { kind: 'report' };
}

export function judgeQualityReportChange(stored: Row, changes: Row, actor: FollowUpActor): FollowUpJudgement<'instructed'> {
  if (touched(['complaint', 'report'], stored, changes).length) return refuse('质量报告提出后不能修改报告内容。');
  if (!touched(['gm_instruction'], stored, changes).length) return { kind: 'none' };
  if (!actor.isAdmin && actor.department !== GM_OFFICE) return refuse('总经理批示由总经理室填写。', true);
  if (stored['status'] === 'instructed') return refuse('总经理已批示，批示不能再修改。');
  if (!text(changes['gm_instruction'])) return refuse('请填写“总经理批示”。');
  return { kind: 'instructed' };
}
