import { expect, test } from 'vitest';
import { judgePetitionDecision } from './petition-decision';

const submitted = { status: 'submitted', requested_effect: 'reopen', proposed_department: null, decision: null, content: '有异议' };

test.each([
  ['no decision yet', submitted, { content: '补充说明' }, { kind: 'none' }],
  ['adopted: handled again', submitted, { status: 'accepted' }, { kind: 'reopen' }],
  [
    'adopted: responsibility moves',
    { ...submitted, requested_effect: 'change_responsibility', proposed_department: 'market' },
    { status: 'accepted' },
    { kind: 'change_responsibility', department: 'market' },
  ],
  [
    'adopted without a proposed department',
    { ...submitted, requested_effect: 'change_responsibility' },
    { status: 'accepted' },
    { kind: 'refuse', reason: '请求变更责任部门的签呈须先填写“建议责任部门”，再批示采纳。' },
  ],
  ['adopted, nothing to carry out', { ...submitted, requested_effect: 'other' }, { status: 'accepted' }, { kind: 'accept' }],
  ['rejected with reasons', submitted, { status: 'rejected', decision: '责任判定有据，维持原决议。' }, { kind: 'reject' }],
  [
    'rejected without reasons',
    submitted,
    { status: 'rejected', decision: '  ' },
    { kind: 'refuse', reason: '未采纳的签呈须在“批示”中写明理由。' },
  ],
  [
    'decided already: no second decision',
    { ...submitted, status: 'rejected', decision: '维持' },
    { status: 'accepted' },
    { kind: 'refuse', reason: '签呈已批示，批示和签呈内容不能再修改；如仍有异议，请另呈签呈。' },
  ],
  ['decided already: archiving is fine', { ...submitted, status: 'rejected', decision: '维持' }, { archived: true }, { kind: 'none' }],
])('%s', (_label, stored, changes, decision) => {
  expect(judgePetitionDecision(stored, changes)).toEqual(decision);
});
