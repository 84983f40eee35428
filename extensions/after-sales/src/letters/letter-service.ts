import type { Accountability } from '@directus/types';
import { LetterTemplateFailedError } from '../errors/letter-template-failed-error';
import { CaseNotReadableError } from '../errors/case-not-readable-error';
import { assignCaseNumber, readNumberingRule } from '../numbering/assign-case-number';
import { itemsService, itemsServiceAs, QUIET, readStored, type DataAccess } from '../shared/data-access';
import { reissueReason, reissueRefusal } from '../domain/letter-reissue';
import { LetterRequestError } from '../errors/letter-request-error';
import { LETTER_TEMPLATES, letterContext } from './letter-context';
import { LetterTemplateError, renderLetter, type RenderedLetter } from './render-letter';

export interface LetterRequest {
  template: string;
  collection: string;
  item: string;
  /** why a letter of this template is issued again for the case (required then, stored with it) */
  reason?: unknown;
}

function render(template: string, context: Record<string, unknown>, templatesDir: string, timeZone: string): RenderedLetter {
  try {
    return renderLetter({ template, context, templatesDir, timeZone });
  } catch (error) {
    if (error instanceof LetterTemplateError) throw new LetterTemplateFailedError({ reason: error.message });
    throw error;
  }
}

/** A print-ready page that is not stored (预览). */
export async function previewLetter(
  data: DataAccess,
  accountability: Accountability | null,
  request: LetterRequest,
  templatesDir: string,
  timeZone: string,
  now: Date,
): Promise<string> {
  const context = await letterContext(data, accountability, request.template, request.collection, request.item);
  return render(request.template, { ...context, letter: { no: '（预览）', issued_at: now.toISOString() } }, templatesDir, timeZone).html;
}

/**
 * Issues a letter (出具): number, rendering and the stored copy in one transaction, so a template
 * error leaves no letter and no used number, and the stored HTML is exactly what was printed. A
 * second letter of the same template for the same case needs a reason, stored with it (domain/letter-reissue.ts).
 */
export async function issueLetter(
  data: DataAccess,
  accountability: Accountability | null,
  request: LetterRequest,
  templatesDir: string,
  timeZone: string,
  now: Date,
): Promise<{ id: number; letter_no: string }> {
  const context = await letterContext(data, accountability, request.template, request.collection, request.item);
  return data.database.transaction(async (trx) => {
    // The case row is locked (PostgreSQL; SQLite has one writer) so two clicks at once cannot both issue a "first" letter.
    await readStored({ ...data, database: trx }, request.collection, [request.item], { forUpdate: true });
    const issued: string[] = (
      await trx('letters')
        .where({ template: request.template, collection: request.collection, item: request.item })
        .orderBy('id', 'desc')
        .select('letter_no')
    ).map((row: { letter_no: string }) => row.letter_no);
    const refusal = reissueRefusal({
      label: LETTER_TEMPLATES[request.template]?.label ?? request.template,
      issued,
      reason: request.reason,
    });
    if (refusal) throw new LetterRequestError({ reason: refusal });
    const rule = await readNumberingRule(trx, 'letters');
    const letterNo = rule ? await assignCaseNumber(trx, rule, now, timeZone) : `WS${now.getTime()}`;
    const { html, version } = render(
      request.template,
      { ...context, letter: { no: letterNo, issued_at: now.toISOString() } },
      templatesDir,
      timeZone,
    );
    // Written by the system: the number is already taken and the letter must not pass the edit guards.
    const id = await itemsService({ ...data, database: trx }, 'letters').createOne(
      {
        letter_no: letterNo,
        template: request.template,
        collection: request.collection,
        item: request.item,
        html,
        template_version: version,
        issued_at: now.toISOString(),
        issued_by: accountability?.user ?? null,
        originals_returned: false,
        reissue_reason: reissueReason(issued, request.reason),
      },
      QUIET,
    );
    return { id, letter_no: letterNo };
  });
}

/** The stored letter exactly as issued, for a caller who may read both the letter and its case. */
export async function printLetter(data: DataAccess, accountability: Accountability | null, id: string): Promise<string> {
  let letter: Record<string, any>;
  try {
    letter = await itemsServiceAs(data, 'letters', accountability).readOne(id, { fields: ['html', 'collection', 'item'] });
    await itemsServiceAs(data, letter['collection'], accountability).readOne(letter['item'], { fields: ['id'] });
  } catch {
    throw new CaseNotReadableError();
  }
  return String(letter['html']);
}
