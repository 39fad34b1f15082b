// A kiosk (the portal under /kiosk, tests/it/browser.rs sets kiosk.path_prefix) left alone in
// the middle of a reset, with the browser's clock under the spec's control (page.clock):
// static/kiosk.js counts idle time with Date.now() and setInterval.
//
//   - the visit starts in PAGE_LANG (German) and gets as far as the choose-a-method page;
//   - 70 s without a key press or click, a dialog (role alertdialog) asks whether someone is
//     still there, with focus on its button; axe checks the page with it showing; Enter on the
//     button closes it and the countdown starts over;
//   - 90 s later with nothing done the browser is back at the kiosk's start page, in the
//     default language (English), with the attempt wiped on the server: a fresh reset page has
//     an empty username field and the old step answers 410;
//   - no language cookie is ever set, the start page offers a QR code to go on on a phone, and
//     no link on any kiosk page leads out of /kiosk/.
//
// USERS: `kiosk` is a real account with `email` registered. JS must be on.

import assert from 'node:assert/strict';

import {
  BUTTONS,
  HEADINGS,
  LABELS,
  assertHeading,
  checkPage,
  env,
  navigates,
  open,
  press,
  run,
  t,
  user,
  words,
} from './lib.mjs';

/** The kiosk's settings in the test (the defaults of kiosk.idle_secs and warning_secs). */
const IDLE_MS = 90_000;
const WARNING_MS = 20_000;

/**
 * Asserts every link on the page stays on the kiosk: the portal's own origin and a path under
 * /kiosk/, or a #fragment of this page. Reads the links' addresses; drives nothing.
 */
async function assertLinksStayInKiosk(page) {
  const origin = new URL(env.baseUrl).origin;
  const links = await page
    .getByRole('link', { includeHidden: true })
    .evaluateAll((els) => els.map((a) => ({ raw: a.getAttribute('href') || '', url: a.href })));
  assert.ok(links.length > 0, `links on ${page.url()}`);
  for (const { raw, url } of links) {
    if (raw.startsWith('#')) continue;
    const target = new URL(url);
    assert.ok(
      target.origin === origin && target.pathname.startsWith('/kiosk/'),
      `a link leaves the kiosk on ${page.url()}: href="${raw}" (${url})`,
    );
  }
}

/** The current `<html lang>`. */
function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/** Whether `locator` is the element that has focus. */
function hasFocus(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

await run('kiosk', async (session) => {
  assert.ok(env.js, 'the kiosk spec needs JavaScript (JS=on): the idle timer is a script');
  assert.notEqual(env.lang, 'en', 'PAGE_LANG must not be the default language, or its loss cannot be seen');
  const { page, context } = session;
  const u = user('kiosk');
  // From here on the pages' timers and Date.now() run on the spec's clock.
  await page.clock.install();

  // Someone starts a reset on the kiosk, in German.
  await open(session, '/kiosk/reset');
  assert.equal(await htmlLang(page), env.lang);
  await assertHeading(page, HEADINGS.reset);
  await assertLinksStayInKiosk(page);
  await page.getByLabel(LABELS.username).fill(u.username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, HEADINGS.choose);
  assert.equal(new URL(page.url()).pathname, '/kiosk/reset/verify');
  await assertLinksStayInKiosk(page);

  // ... and walks away. 71 s later the warning is showing, focus on its button.
  const dialog = page.getByRole('alertdialog', { name: t('kiosk-idle-title') });
  const stay = dialog.getByRole('button', { name: t('kiosk-idle-stay'), exact: true });
  assert.equal(await dialog.isVisible(), false, 'no warning before the time');
  await page.clock.runFor(IDLE_MS - WARNING_MS + 1_000);
  await dialog.waitFor({ state: 'visible', timeout: 1_000 });
  assert.ok(await hasFocus(stay), 'the warning has focus on its button');
  assert.match(await dialog.textContent(), /\b1[89]\b/, 'the warning counts down the seconds left');
  await checkPage(session, 'kiosk-idle-warning');
  assert.ok(await dialog.isVisible(), 'the warning still shows after the check');

  // Enter on the button: the visit goes on.
  await stay.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden', timeout: 1_000 });
  await page.clock.runFor(IDLE_MS - WARNING_MS - 1_000);
  assert.equal(await dialog.isVisible(), false, 'the countdown started over when the button was pressed');
  assert.equal(new URL(page.url()).pathname, '/kiosk/reset/verify');

  // Nobody comes back: after 90 s the browser is sent to the start, and the visit is gone.
  await navigates(page, () => page.clock.runFor(WARNING_MS + 2_000));
  assert.equal(new URL(page.url()).pathname, '/kiosk/', 'the idle kiosk is back at its start page');
  assert.equal(await htmlLang(page), 'en', 'the language went with the visit');
  await assertHeading(page, t('home-title', 'en'));
  await assertLinksStayInKiosk(page);
  await page.getByRole('img', { name: t('kiosk-phone-qr', 'en'), exact: true }).waitFor();
  await checkPage(session, 'kiosk-home-after-idle');

  // The next person finds nothing of the last one.
  await open(session, '/kiosk/reset', { lang: null });
  assert.equal(await htmlLang(page), 'en');
  await assertHeading(page, t('reset-title', 'en'));
  assert.equal(await page.getByLabel(words(t('field-username', 'en'), { whole: true })).inputValue(), '');
  await assertLinksStayInKiosk(page);
  const old = await open(session, '/kiosk/reset/verify', { lang: null });
  assert.equal(old.status(), 410, 'the abandoned attempt was wiped on the server');
  await assertHeading(page, t('error-expired-title', 'en'));
  await assertLinksStayInKiosk(page);

  const cookies = (await context.cookies()).map((c) => c.name);
  assert.ok(!cookies.includes('rekey-lang'), `a kiosk sets no language cookie; cookies: ${cookies.join(', ')}`);
});
