import { createItem, readItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser } from '../helpers/api';
import { browserSession, chooseOption, fieldShows, fillText, saveForm } from '../helpers/browser';
import { complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';

const browser = browserSession();

test('a 部门主管 confirms the personal penalty of their staff; the owner department marks its 改善对策 done from its 工作台', async () => {
  const tag = randomUUID().slice(0, 6);
  const admin = await asAdmin();
  const [head, clerk] = await Promise.all([createStaffUser('市场部', ['部门主管']), createStaffUser('市场部')]);
  const complaint = await admin.request(
    createItem(
      'complaints',
      complaintPayload({
        stage: 'investigating',
        customer_name: `客户${tag}`,
        registered_at: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    ),
  );
  const person = await admin.request(
    createItem('responsible_persons', {
      complaint: complaint.id,
      user: clerk.id,
      person_name: `责任人${tag}`,
      department: 'market',
      responsibility: '接待客户时用语不当',
      penalty_type: 'warning',
    }),
  );
  const dueDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 7 * 86_400_000));
  const measure = await admin.request(
    createItem('improvement_measures', {
      complaint: complaint.id,
      measure: `话术培训${tag}`,
      owner_department: 'market',
      due_date: dueDate,
    }),
  );

  // The head opens the person's record, sees the proposed penalty, and confirms it.
  const page = await browser.open(head, `/admin/content/responsible_persons/${person.id}`);
  expect(await fieldShows(page, '个人惩处种类')).toContain('警告');
  expect(await fieldShows(page, '主管确认')).toContain('待主管确认');
  await chooseOption(page, '主管确认', '主管已确认');
  await saveForm(page);
  const confirmed = await until(
    () => admin.request(readItem('responsible_persons', person.id)),
    (row: any) => row.confirmation === 'confirmed',
  );
  expect(confirmed).toMatchObject({ confirmed_by: head.id });
  await page.close();

  // The clerk finds the measure in the market's 工作台, opens it, writes the result and marks it done.
  const work = await browser.open(clerk, '/admin/after-sales-workbench');
  const entry = work.locator(`.work-entry[data-key="improvement_measure:${measure.id}"]`);
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await entry.innerText()).toContain(`话术培训${tag}`);
  expect(await entry.innerText()).toContain('执行改善对策');
  await entry.click();
  await work.waitForURL(new RegExp(`/admin/content/improvement_measures/${measure.id}$`));
  await fillText(work, '执行结果', '已完成全员话术培训并考核');
  await chooseOption(work, '状态', '已完成待确认效果');
  await saveForm(work);
  const done = await until(
    () => admin.request(readItem('improvement_measures', measure.id)),
    (row: any) => row.status === 'done',
  );
  expect(done).toMatchObject({ done_by: clerk.id, result: '已完成全员话术培训并考核' });

  // Done, it has left the market's queue.
  const { json } = await callEndpoint(clerk.client, 'GET', '/after-sales/workbench?limit=200');
  expect((json.data.entries as any[]).filter((row) => row.key === `improvement_measure:${measure.id}`)).toEqual([]);
  await work.close();
}, 400_000);
