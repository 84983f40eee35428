import { expect, test } from 'vitest';
import { requestCompletionRefusal } from './service-requests';

test.each([
  [
    'surrender_requests',
    { status: 'completed', documents_reminded: false },
    '尚未提醒客户携带保险单正本、保费收据、身份证件等资料至保险公司办理退保，不能办结。请完成后勾选该项再改为“已办结”。',
  ],
  ['surrender_requests', { status: 'completed', documents_reminded: true }, null],
  ['surrender_requests', { status: 'open', documents_reminded: false }, null],
  [
    'endorsement_requests',
    { status: 'completed', form_guided: null },
    '尚未指导客户填写批改申请单，不能办结。请完成后勾选该项再改为“已办结”。',
  ],
  ['endorsement_requests', { status: 'completed', form_guided: true }, null],
  ['claim_reports', { status: 'completed' }, null],
])('%s %o → %s', (collection, merged, refusal) => {
  expect(requestCompletionRefusal(collection, merged)).toBe(refusal);
});
