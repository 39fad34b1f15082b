// A kiosk with a language of its own (kiosk.lang, the spec's PAGE_LANG), and a browser that
// asks for English: the kiosk opens in its language; a visitor changes to Polish with the
// language form; left alone, the idle timer (static/kiosk.js, on the spec's clock) wipes the
// visit, and the kiosk is back at its start page in its own language, not the visitor's.
//
// USERS: `idleSecs`, the test's kiosk.idle_secs. JS must be on.

import assert from 'node:assert/strict';

import { checkPage, env, navigates, open, press, run, t } from './lib.mjs';

function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

await run('kiosk-lang', async (session) => {
  assert.ok(env.js, 'the idle timer is a script');
  const { page } = session;
  const idleMs = env.users.idleSecs * 1000;
  await page.clock.install();

  await open(session, '/kiosk/reset', { lang: null });
  assert.equal(await htmlLang(page), env.lang, 'kiosk.lang, not the browser\'s English');

  await page.getByRole('combobox', { name: t('language-switcher'), exact: true }).selectOption('pl');
  await press(page, t('language-apply'));
  assert.equal(await htmlLang(page), 'pl');
  assert.equal(new URL(page.url()).pathname, '/kiosk/reset');
  await open(session, '/kiosk/unlock', { lang: null });
  assert.equal(await htmlLang(page), 'pl', 'the choice lasts for the visit');

  await navigates(page, () => page.clock.runFor(idleMs + 2_000));
  assert.equal(new URL(page.url()).pathname, '/kiosk/', 'the idle kiosk is back at its start page');
  assert.equal(await htmlLang(page), env.lang, 'in the kiosk\'s own language');
  assert.equal(await page.getByRole('combobox').inputValue(), env.lang);
  await checkPage(session, 'kiosk-own-language-after-idle');
});
