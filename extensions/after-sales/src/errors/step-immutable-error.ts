import { createError } from '@directus/errors';

export const StepImmutableError = createError('AFTER_SALES_STEP_IMMUTABLE', '投诉处理记录只能由系统追加，任何人不得修改或删除。', 403);
