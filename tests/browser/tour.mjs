// The pages the other specs do not reach, with the helpdesk's contact configured, every page
// checked by axe and screenshotted (docs/screenshots is made from these runs, see
// scripts/screenshots): the method choice with all five methods and what each needs, each
// method's page (code by mail with "Didn't get a code?" open, text message, authenticator app,
// security questions, passkey), the attempt ended after too many wrong codes, the unlock
// choice, registering with every method offered (an authenticator app's QR code, security
// questions), "this wasn't me" (asked, done, spent), and a spent helpdesk reset link.
//
//   stranger  an account the directory does not have (every page is the same for it)
//   newcomer  has nothing registered; signs in to registration with `password`
//   tourist   `disownPath`: the path of the "this wasn't me" link in the notice sent when
//             the test registered an address for it

import assert from 'node:assert/strict';

import {
  BUTTONS,
  HEADINGS,
  LABELS,
  LINKS,
  MESSAGES,
  assertAlert,
  assertHeading,
  checkPage,
  env,
  navigates,
  open,
  press,
  run,
  signInToRegister,
  startReset,
  t,
  user,
  wrongCode,
} from './lib.mjs';

/**
 * The page's checks and screenshots, after making sure it says how to reach the helpdesk (the
 * contact's name heads it, inline or in the footer).
 */
async function checkWithContact(session, name) {
  const region = session.page.getByRole('region', { name: env.users.contact.name, exact: true });
  assert.ok((await region.filter({ visible: true }).count()) >= 1, `the helpdesk's contact on ${name}`);
  await checkPage(session, name);
}

/** Back to the method choice of the current attempt. */
async function backToChoice(session) {
  await navigates(session.page, () => session.page.getByRole('link', { name: t('code-other-method'), exact: true }).click());
  await assertHeading(session.page, HEADINGS.choose);
}

await run('tour', async (session) => {
  const { page } = session;
  if (env.js) await page.clock.install();
  const stranger = user('stranger');

  // Reset: the choice of five methods, each with what it needs, and the helpdesk below.
  await startReset(session, stranger.username);
  await checkWithContact(session, 'reset-choose-all-methods');

  await press(page, BUTTONS.emailMeACode);
  await assertHeading(page, HEADINGS.emailCode);
  if (env.js) await page.clock.fastForward(31_000);
  const summary = page.getByText(t('code-help-summary'), { exact: true });
  await summary.waitFor({ state: 'visible' });
  if (!(await page.locator('#no-code').evaluate((d) => d.open))) await summary.click();
  await checkWithContact(session, 'reset-email-code-no-code-open');
  await backToChoice(session);

  await press(page, t('choose-sms'));
  await assertHeading(page, t('code-sms-title'));
  await checkWithContact(session, 'reset-sms-code');
  await backToChoice(session);

  await navigates(page, () => page.getByRole('link', { name: LINKS.authenticator }).click());
  await assertHeading(page, HEADINGS.appCode);
  await checkWithContact(session, 'reset-app-code');
  // Wrong codes until the attempt ends (codes.max_wrong_tries).
  let tries = 0;
  for (; tries < 20; tries++) {
    await page.getByLabel(LABELS.code).fill(wrongCode('123456'));
    await press(page, BUTTONS.continue);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    if (heading !== HEADINGS.appCode) break;
    if (tries === 0) {
      await assertAlert(page, MESSAGES.wrongCode);
      await checkWithContact(session, 'reset-app-code-wrong');
    }
  }
  assert.ok(tries > 0 && tries < 20, `the attempt ends after some wrong codes (${tries})`);
  await checkWithContact(session, 'reset-too-many-wrong-codes');

  await startReset(session, stranger.username);
  await navigates(page, () => page.getByRole('link', { name: t('choose-questions'), exact: true }).click());
  await assertHeading(page, t('questions-answer-title'));
  await checkWithContact(session, 'reset-questions');
  await backToChoice(session);
  await navigates(page, () => page.getByRole('link', { name: t('choose-passkey'), exact: true }).click());
  await assertHeading(page, t('passkey-use-title'));
  await checkWithContact(session, 'reset-passkey');

  // Unlock: the same choice under its own heading.
  await open(session, '/unlock');
  await page.getByLabel(LABELS.username).fill(stranger.username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, HEADINGS.choose);
  await checkWithContact(session, 'unlock-choose-all-methods');

  // Registering: every method offered; an authenticator app's QR code; security questions.
  await signInToRegister(session, user('newcomer'));
  await checkWithContact(session, 'register-methods-all');
  await press(page, t('methods-add-totp-button'));
  await assertHeading(page, t('confirm-totp-title'));
  await checkWithContact(session, 'register-app-qr-code');
  await open(session, '/register/methods');
  await navigates(page, () => page.getByRole('link', { name: t('methods-add-questions-button'), exact: true }).click());
  await assertHeading(page, t('questions-register-title'));
  await checkWithContact(session, 'register-questions');

  // "This wasn't me": the link in the notice of the address the test registered.
  const path = user('tourist').disownPath;
  await open(session, path);
  await assertHeading(page, t('disown-title'));
  await checkWithContact(session, 'wasnt-me');
  await press(page, t('disown-button'));
  await assertHeading(page, t('disown-done-title'));
  await checkWithContact(session, 'wasnt-me-done');
  await open(session, path);
  await assertHeading(page, t('disown-spent-title'));
  await checkWithContact(session, 'wasnt-me-spent');

  // A helpdesk reset link that is spent or never was.
  await open(session, '/reset/link/not-a-real-token');
  await checkWithContact(session, 'reset-link-spent');
});
