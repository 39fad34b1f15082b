// The organisation's own look and words: its style sheet (branding.custom_css_file) applies
// after ours, its wording (branding.messages_files) replaces a message, its favicon is linked;
// and a reset's done page tells the time in server.time_zone.
//
//   USERS.reset          has a registered recovery address; resets to newPassword
//   USERS.brand          {title: the overridden home-title, border: the footer's top border
//                        colour the custom CSS sets, when: the done page's time as the test
//                        computed it in the configured zone, for each minute the spec may take}

import assert from 'node:assert/strict';

import { BUTTONS, HEADINGS, LABELS, assertHeading, checkPage, env, mailedCode, open, press, run, startReset, user } from './lib.mjs';

const brand = env.users.brand;

await run('branding', async (session) => {
  const { page } = session;

  await open(session, '/');
  await assertHeading(page, brand.title);
  const border = await page.getByRole('contentinfo').evaluate((el) => getComputedStyle(el).borderTopColor);
  assert.equal(border, brand.border, 'the custom style sheet applies');
  const icon = await page.evaluate(() => document.querySelector('link[rel=icon]')?.href);
  assert.ok(icon, 'the favicon is linked');
  const served = await page.request.get(icon);
  assert.equal(served.status(), 200);
  assert.equal(served.headers()['content-type'], 'image/png');
  await checkPage(session, 'branded-home');

  const u = user('reset');
  await startReset(session, u.username);
  await press(page, BUTTONS.emailMeACode);
  await page.getByLabel(LABELS.code).fill(await mailedCode(u.email));
  await press(page, BUTTONS.continue);
  await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
  await page.getByLabel(LABELS.confirmPassword).fill(u.newPassword);
  await press(page, BUTTONS.setPassword);
  await assertHeading(page, HEADINGS.resetDone);
  const status = (await page.getByRole('status').first().textContent()).replace(/\s+/g, ' ');
  assert.ok(brand.when.some((w) => status.includes(w)), `the done page says one of ${brand.when}: ${status}`);
  await checkPage(session, 'branded-reset-done');
});
