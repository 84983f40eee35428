import { judgeNewResponsiblePerson } from '../../domain/responsible-person';
import type { CreateWrite, HandlerContext } from '../../shared/handler-context';
import { followUpActor, settled } from './follow-up-judgement';

/** Filter for new 责任人员: proposed by Operations or the GM Office, pending the head's confirmation. */
export async function responsiblePersonOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  settled(judgeNewResponsiblePerson(payload, await followUpActor(context)));
  return { ...payload, proposed_by: context.accountability?.user ?? null, proposed_at: context.now.toISOString() };
}
