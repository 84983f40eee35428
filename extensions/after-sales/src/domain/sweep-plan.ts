import { DEPARTMENT_ROLES, type Department } from './departments';
import { formatLocal } from './zoned-time';

export const CASE_NUMBER_FIELDS: Record<string, string> = {
  claim_reports: 'report_no',
  claim_applications: 'application_no',
  complaints: 'complaint_no',
  petitions: 'petition_no',
};

export interface DueClock {
  collection: string;
  itemId: string;
  caseNo: string | null;
  clockId: string;
  ruleName: string;
  department: Department | null;
  dueAt: Date;
  warnAt: Date;
}

export interface ClockEvent {
  /** decides exactly-once: the same breach of the same due time always has the same key */
  key: string;
  kind: 'warning' | 'urge';
  collection: string;
  itemId: string;
  caseNo: string | null;
  department: Department | null;
  dueAt: Date;
  message: string;
}

export interface StepTiming {
  id: number;
  complaintId: number;
  complaintNo: string | null;
  stage: string;
  department: Department | null;
  dueAt: Date;
  completedAt: Date;
}

export interface InquiryPlan {
  key: string;
  complaintId: number;
  complaintNo: string | null;
  stage: string;
  department: Department | null;
  overdueHours: number;
  message: string;
}

const departmentName = (department: Department | null) => (department ? DEPARTMENT_ROLES[department] : '相关部门');
const caseLabel = (clock: { caseNo: string | null; itemId: string }) => clock.caseNo ?? `#${clock.itemId}`;

/** The ledger key of a clock's warning or urge: the same notice of the same due time always has the same key. */
export const clockNoticeKey = (kind: 'warning' | 'urge', clock: { collection: string; itemId: string; clockId: string; dueAt: Date }) =>
  `${kind}:${clock.collection}:${clock.itemId}:${clock.clockId}:${clock.dueAt.toISOString()}`;

/** What a clock calls for at `now`: an urge once it is past due, a warning once past the warning point. */
export function clockEvent(clock: DueClock, now: Date, timeZone: string): ClockEvent | null {
  const base = {
    collection: clock.collection,
    itemId: clock.itemId,
    caseNo: clock.caseNo,
    department: clock.department,
    dueAt: clock.dueAt,
  };
  const due = formatLocal(clock.dueAt, timeZone);
  if (now.getTime() >= clock.dueAt.getTime()) {
    return {
      ...base,
      key: clockNoticeKey('urge', clock),
      kind: 'urge',
      message: `案件 ${caseLabel(clock)}「${clock.ruleName}」已于 ${due} 到期，请${departmentName(clock.department)}立即办理。`,
    };
  }
  if (now.getTime() >= clock.warnAt.getTime()) {
    return {
      ...base,
      key: clockNoticeKey('warning', clock),
      kind: 'warning',
      message: `案件 ${caseLabel(clock)}「${clock.ruleName}」将于 ${due} 到期，请${departmentName(clock.department)}抓紧办理。`,
    };
  }
  return null;
}

/** After a complaint is closed: one inquiry (洽办单) for each stage a department finished late. */
export function inquiryFor(step: StepTiming): InquiryPlan | null {
  const late = step.completedAt.getTime() - step.dueAt.getTime();
  if (late <= 0) return null;
  const overdueHours = Math.ceil(late / 3_600_000);
  return {
    key: `inquiry:complaint_steps:${step.id}`,
    complaintId: step.complaintId,
    complaintNo: step.complaintNo,
    stage: step.stage,
    department: step.department,
    overdueHours,
    message: `投诉 ${step.complaintNo ?? `#${step.complaintId}`} 的处理环节超过时限 ${overdueHours} 小时，请${departmentName(step.department)}说明逾期原因。`,
  };
}
