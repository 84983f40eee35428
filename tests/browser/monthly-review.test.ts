import { createItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { browserSession } from '../helpers/browser';
import { closedPayload, createCheckedComplaint } from '../helpers/fixtures';

const browser = browserSession({ width: 1600, height: 1200 });

test('the GM Office builds the monthly review from the 生成 button of 客户投诉案件统计; other departments have no button', async () => {
  const admin = await asAdmin();
  // A month half a year back (inside the panel's twelve), with one closed complaint of this test.
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(
    new Date(Date.now() - 180 * 86_400_000),
  );
  const measure = `改善对策${randomUUID().slice(0, 6)}`;
  const closed = (countermeasures: string) =>
    closedPayload(`${month}-10T02:00:00.000Z`, `${month}-15T02:00:00.000Z`, { responsible_department: 'tech', countermeasures });
  // K-QUALITY: the checked complaint counts; the unchecked one is shown apart.
  await createCheckedComplaint(admin, closed(measure));
  await admin.request(createItem('complaints', closed(`${measure}（未检验）`)));

  const gm = await createStaffUser('总经理室');
  const page = await browser.open(gm, '/admin/insights');
  await page.getByText('投诉管理', { exact: true }).first().click();
  const panel = page.locator('.monthly-stats');
  await panel.waitFor({ state: 'visible', timeout: 30_000 });
  await panel.locator(`g.month[data-period="${month}"]`).click();
  const button = panel.getByRole('button', { name: new RegExp(`^(生成|重新生成) ${month} 统计表$`) });
  await button.click();
  await panel.getByText(`已生成 ${month} 客户投诉案件统计表。`).waitFor({ timeout: 30_000 });
  await panel.getByText(measure).waitFor({ timeout: 30_000 });
  await panel.getByRole('button', { name: `重新生成 ${month} 统计表` }).waitFor();
  expect(await panel.locator('.share[data-department="tech"]').count()).toBe(1);
  await panel.getByText(/结案（已质量检验）\d+ 件，逾期/).waitFor();
  await panel.getByText(/另有已结案待质量检验 \d+ 件，未计入统计/).waitFor();
  await page.close();

  const clerk = await createStaffUser('市场部');
  const other = await browser.open(clerk, '/admin/insights');
  await other.getByText('投诉管理', { exact: true }).first().click();
  const readOnly = other.locator('.monthly-stats');
  await readOnly.locator(`g.month[data-period="${month}"]`).click();
  await readOnly.getByText(measure).waitFor({ timeout: 30_000 });
  expect(await readOnly.getByRole('button', { name: /统计表$/ }).count()).toBe(0);
  await other.close();
}, 400_000);
