import { judgeResponsiblePersonChange } from '../../domain/responsible-person';
import type { HandlerContext, UpdateWrite } from '../../shared/handler-context';
import { decideStored } from './follow-up-judgement';

/** Filter for 责任人员 updates: only the head of the person's department confirms or disputes, once. */
export async function responsiblePersonOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now } = context;
  const { decision } = await decideStored(context, 'responsible_persons', keys, (row, actor) =>
    judgeResponsiblePersonChange(row, payload, actor),
  );
  if (!decision) return payload;
  return { ...payload, confirmed_by: accountability?.user ?? null, confirmed_at: now.toISOString() };
}
