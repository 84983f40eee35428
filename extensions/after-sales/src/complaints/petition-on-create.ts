import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import type { CreateWrite, HandlerContext } from '../shared/handler-context';

type Item = Record<string, any>;

/** A new 签呈 is filed as 已呈报: the decision is the GM Office's, on the filed petition. */
export function petitionOnCreate(_data: HandlerContext, { payload }: CreateWrite): Item {
  if (payload['status'] !== undefined && payload['status'] !== 'submitted')
    throw new InvalidCaseStatusError({ reason: '新签呈以“已呈报”提交，由总经理室批示。' });
  return payload;
}
