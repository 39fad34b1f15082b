// A reset from the home page with the keyboard alone: Tab, typing and Enter, never a click or
// a fill. Each control is found by pressing Tab until the element that has focus is the one the
// label or role names, and every element that takes focus on the way must show it (a computed
// outline other than none). The skip link must be the first stop and must lead past the header.
//
// USERS: `reset` has `email` registered and resets to `newPassword`.

import assert from 'node:assert/strict';

import { BUTTONS, HEADINGS, LABELS, LINKS, assertHeading, enter, mailedCode, open, run, tabTo, user } from './lib.mjs';

await run('keyboard', async (session) => {
  const { page } = session;
  const u = user('reset');

  await open(session, '/');
  await assertHeading(page, HEADINGS.home);
  await tabTo(page, page.getByRole('link', { name: LINKS.skip }), 'the skip link', 1);
  // Following the skip link moves the starting point of Tab to <main>: the next stop is the
  // first task, not the header.
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: LINKS.forgot }), '"I forgot my password" after skipping', 1);
  await enter(page);
  await assertHeading(page, HEADINGS.reset);

  await tabTo(page, page.getByLabel(LABELS.username), 'the username field');
  await page.keyboard.type(u.username);
  await enter(page);
  await assertHeading(page, HEADINGS.choose);

  await tabTo(page, page.getByRole('button', { name: BUTTONS.emailMeACode }), 'the email-me-a-code button');
  await enter(page);
  await assertHeading(page, HEADINGS.emailCode);

  const code = await mailedCode(u.email);
  await tabTo(page, page.getByLabel(LABELS.code), 'the code field');
  await page.keyboard.type(code);
  await enter(page);
  await assertHeading(page, HEADINGS.newPassword);

  await tabTo(page, page.getByLabel(LABELS.newPassword), 'the new password field');
  await page.keyboard.type(u.newPassword);
  await tabTo(page, page.getByLabel(LABELS.confirmPassword), 'the repeat field, right after', 1);
  await page.keyboard.type(u.newPassword);
  await enter(page);
  await assertHeading(page, HEADINGS.resetDone);
});
