// Plain JavaScript so the benchmarks (tests/bench/*.mjs) share it with the browser tests.
import { chromium } from 'playwright-core';

/** Debian's Chromium, headless, with the background traffic this closed network refuses switched off. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Signs in through the admin login form and waits until the app has opened a start page (within
 * `timeout` ms, or the page's default timeout).
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} user
 * @param {number} [timeout]
 */
export async function signIn(page, baseUrl, user, timeout) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('input[type=email]', user.email);
  await page.fill('input[type=password]', user.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/(content|insights|users|after-sales)/, timeout ? { timeout } : {});
}
