// The four flows in a real browser, each page checked by axe and screenshotted, error states
// included: register an email address, change a password, reset one with a mailed code, unlock
// an account with an authenticator code, in the language PAGE_LANG (every word looked for comes
// from its catalogue, see lib.mjs). tests/it/browser.rs runs this in English with JS=on and
// JS=off, and in every other language with JS=on, each time with fresh users in USERS:
//
//   register  has nothing registered; registers its `email` here, then signs in again and
//             proves that address before it could add another
//   change    changes `password` to `newPassword`
//   reset     has `email` registered; resets to `newPassword`
//   unlock    has an authenticator app registered (codes from the control server) and is
//             locked out by the test before this runs
//
// The test checks the effect on the directory afterwards (the new passwords bind, the lock is
// gone). Screenshot names are the page names below.

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
  mailedCode,
  navigates,
  open,
  press,
  removeButtonName,
  run,
  t,
  totpCode,
  user,
  words,
  wrongCode,
} from './lib.mjs';

await run('flows', async (session) => {
  const { page } = session;

  // Register an email address, with a wrong code first.
  {
    const u = user('register');
    await open(session, '/register');
    await assertHeading(page, HEADINGS.registerSignIn);
    await checkPage(session, 'register-sign-in');
    await page.getByLabel(LABELS.username).fill(u.username);
    await page.getByLabel(LABELS.password).fill(u.password);
    await press(page, BUTTONS.signIn);
    await assertHeading(page, HEADINGS.methods);
    await checkPage(session, 'register-methods');
    await page.getByLabel(LABELS.emailAddress).fill(u.email);
    await press(page, BUTTONS.sendToAddress);
    await assertHeading(page, HEADINGS.confirmEmail);
    await checkPage(session, 'register-confirm-email');
    const code = await mailedCode(u.email);
    await page.getByLabel(LABELS.code).fill(wrongCode(code));
    await press(page, BUTTONS.confirm);
    await assertHeading(page, HEADINGS.confirmEmail);
    await assertAlert(page, MESSAGES.wrongCode);
    await checkPage(session, 'register-confirm-wrong-code');
    await page.getByLabel(LABELS.code).fill(code);
    await press(page, BUTTONS.confirm);
    await assertHeading(page, HEADINGS.methods);
    await page.getByText(MESSAGES.methodRegistered).waitFor();
    // The list shows the address masked (r•••b@…), each with its own Remove button.
    await page.getByRole('button', { name: removeButtonName(u.email.split('@')[1]) }).waitFor();
    await checkPage(session, 'register-methods-registered');
    await press(page, BUTTONS.finish);
    await assertHeading(page, HEADINGS.registerDone);
    await checkPage(session, 'register-done');

    // A second method needs the first one: signed in again, the password alone is not enough.
    await open(session, '/register');
    await assertHeading(page, HEADINGS.registerSignIn);
    await page.getByLabel(LABELS.username).fill(u.username);
    await page.getByLabel(LABELS.password).fill(u.password);
    await press(page, BUTTONS.signIn);
    await assertHeading(page, HEADINGS.methods);
    await open(session, '/register/prove');
    await assertHeading(page, HEADINGS.prove);
    await checkPage(session, 'register-prove');
    await press(page, BUTTONS.emailMeACode);
    await assertHeading(page, HEADINGS.emailCode);
    await checkPage(session, 'register-prove-email-code');
    await page.getByLabel(LABELS.code).fill(await mailedCode(u.email));
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.methods);
    await checkPage(session, 'register-methods-proven');
  }

  // Change a password, with a wrong current password first.
  {
    const u = user('change');
    await open(session, '/change');
    await assertHeading(page, HEADINGS.change);
    await checkPage(session, 'change');
    const fillChange = async (current) => {
      await page.getByLabel(LABELS.username).fill(u.username);
      await page.getByLabel(LABELS.currentPassword).fill(current);
      await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
      await page.getByLabel(LABELS.confirmPassword).fill(u.newPassword);
      await press(page, BUTTONS.change);
    };
    if (env.js) {
      // The live quality hint: a breached password, said under the field while typing.
      await page.getByLabel(LABELS.newPassword).fill('Password1');
      await page.locator('#new-quality').getByText(words(t('quality-breached'))).waitFor();
      await checkPage(session, 'change-quality-hint');
      await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
      await page.locator('#new-quality').getByText(words(t('quality-ok'))).waitFor();
    }
    await fillChange(`${u.password}-wrong`);
    await assertHeading(page, HEADINGS.change);
    await assertAlert(page, MESSAGES.signInFailed);
    await checkPage(session, 'change-wrong-current-password');
    await fillChange(u.password);
    await assertHeading(page, HEADINGS.changed);
    await checkPage(session, 'change-done');
  }

  // Reset a password from the home page with a mailed code: a wrong code, then two new
  // passwords that differ, then the real thing.
  {
    const u = user('reset');
    await open(session, '/');
    await assertHeading(page, HEADINGS.home);
    await checkPage(session, 'home');
    await navigates(page, () => page.getByRole('link', { name: LINKS.forgot }).click());
    await assertHeading(page, HEADINGS.reset);
    await checkPage(session, 'reset-username');
    await page.getByLabel(LABELS.username).fill(u.username);
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.choose);
    await checkPage(session, 'reset-choose-method');
    await press(page, BUTTONS.emailMeACode);
    await assertHeading(page, HEADINGS.emailCode);
    await checkPage(session, 'reset-email-code');
    const code = await mailedCode(u.email);
    await page.getByLabel(LABELS.code).fill(wrongCode(code));
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.emailCode);
    await assertAlert(page, MESSAGES.wrongCode);
    await checkPage(session, 'reset-email-code-wrong');
    await page.getByLabel(LABELS.code).fill(code);
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.newPassword);
    await checkPage(session, 'reset-new-password');
    await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
    await page.getByLabel(LABELS.confirmPassword).fill(`${u.newPassword}-typo`);
    await press(page, BUTTONS.setPassword);
    await assertHeading(page, HEADINGS.newPassword);
    await assertAlert(page, MESSAGES.passwordsDiffer);
    await checkPage(session, 'reset-new-password-mismatch');
    await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
    await page.getByLabel(LABELS.confirmPassword).fill(u.newPassword);
    await press(page, BUTTONS.setPassword);
    await assertHeading(page, HEADINGS.resetDone);
    await checkPage(session, 'reset-done');
  }

  // Unlock a locked account with an authenticator code.
  {
    const u = user('unlock');
    await open(session, '/unlock');
    await assertHeading(page, HEADINGS.unlock);
    await checkPage(session, 'unlock-username');
    await page.getByLabel(LABELS.username).fill(u.username);
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.choose);
    await checkPage(session, 'unlock-choose-method');
    await navigates(page, () => page.getByRole('link', { name: LINKS.authenticator }).click());
    await assertHeading(page, HEADINGS.appCode);
    await checkPage(session, 'unlock-app-code');
    await page.getByLabel(LABELS.code).fill(await totpCode(u.username));
    await press(page, BUTTONS.continue);
    await assertHeading(page, HEADINGS.proved);
    await checkPage(session, 'unlock-ready');
    await press(page, BUTTONS.unlock);
    await assertHeading(page, HEADINGS.unlocked);
    await checkPage(session, 'unlock-done');
  }
});
