// A reset from the home page with the keyboard alone: Tab, typing and Enter, never a click or
// a fill. Each control is found by pressing Tab until the element that has focus is the one the
// label or role names, and every element that takes focus on the way must show it (a computed
// outline other than none). The skip link must be the first stop and must lead past the header.
//
// USERS: `reset` has `email` registered and resets to `newPassword`.

import assert from 'node:assert/strict';

import {
  BUTTONS,
  HEADINGS,
  LABELS,
  LINKS,
  assertHeading,
  mailedCode,
  navigates,
  open,
  problem,
  run,
  user,
} from './lib.mjs';

/** What has focus, for messages: tag and accessible label (aria-label, <label>, or text). */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(the page itself)';
    const labelledBy = el.getAttribute('aria-labelledby');
    const label =
      el.getAttribute('aria-label') ||
      (labelledBy && document.getElementById(labelledBy)?.textContent) ||
      el.labels?.[0]?.textContent ||
      el.textContent ||
      el.getAttribute('name') ||
      '';
    return `<${el.tagName.toLowerCase()}> "${label.replace(/\s+/g, ' ').trim()}"`;
  });
}

/** Records a problem unless the focused element draws an outline. */
async function expectVisibleFocus(page, where) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth };
  });
  if (style && (style.style === 'none' || style.width === '0px')) {
    problem(where, `focus is not visible on ${await describeFocus(page)}: outline ${style.style} ${style.width}`);
  }
}

/**
 * Presses Tab (at most `max` times) until `target` has focus, checking on every stop that the
 * focus can be seen. Fails naming where the focus went instead.
 */
async function tabTo(page, target, what, max = 20) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const where = `${new URL(page.url()).pathname} (Tab to ${what})`;
    await expectVisibleFocus(page, where);
    if (await target.evaluate((el) => el === document.activeElement)) return;
    stops.push(await describeFocus(page));
  }
  assert.fail(`${what} did not get focus after ${max} Tab(s) on ${page.url()}; focus went to: ${stops.join(' → ')}`);
}

/** Enter on whatever has focus, waiting for the page it leads to. */
function enter(page) {
  return navigates(page, () => page.keyboard.press('Enter'));
}

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
