import { defineHook } from '@directus/extensions-sdk';
import { setNoticeMailLogger } from '../notices/mail-notices';
import { businessTimeZone } from '../shared/business-time-zone';
import { registerCases } from './register-cases';
import { registerChineseErrors } from './register-chinese-errors';
import { registerDatabaseTuning } from './register-database-tuning';
import { registerDeadlines } from './register-deadlines';
import { registerFollowUpItems } from './register-follow-up-items';
import { registerGuards } from './register-guards';
import { registerLoginGuard } from './register-login-guard';
import { registerMaskedCopies } from './register-masked-copies';
import { registerPetitions } from './register-petitions';
import { registerRulesCache } from './register-rules-cache';
import { registerRuleRevisions } from './register-rule-revisions';
import { registerSceneSurvey } from './register-scene-survey';
import { registerSecurityHeaders } from './register-security-headers';
import { registerSetupCommand } from './register-setup-command';
import { registerStartPage } from './register-start-page';
import { registerUserFieldGuard } from './register-user-field-guard';
import { registerWithheldFieldLists } from './register-withheld-field-lists';

// Order matters: guards, then the hooks that decide a case, then the clocks that follow from it,
// then the masked copies of whatever personal data the write ends up setting.
export default defineHook((on, context) => {
  const setup = { on, context, timeZone: businessTimeZone(context.env) };
  setNoticeMailLogger(context.logger);
  registerSetupCommand(setup);
  registerDatabaseTuning(setup);
  registerChineseErrors(setup);
  registerSecurityHeaders(setup);
  registerLoginGuard(setup);
  registerStartPage(setup);
  registerUserFieldGuard(setup);
  registerGuards(setup);
  registerRulesCache(setup);
  registerRuleRevisions(setup);
  registerCases(setup);
  registerPetitions(setup);
  registerFollowUpItems(setup);
  registerSceneSurvey(setup);
  registerDeadlines(setup);
  registerMaskedCopies(setup);
  registerWithheldFieldLists(setup);
});
