// Text-message codes in a real browser, every page checked by axe: register a mobile number
// (first something that is not one), confirm it with the texted code, then reset a password
// with a texted code (first a wrong one), in the language PAGE_LANG.
//
//   sms  has nothing registered; registers `number`; resets to `newPassword`

import { BUTTONS, HEADINGS, LABELS, MESSAGES, assertAlert, assertHeading, checkPage, finishRegistering, press, resetWith, run, setNewPassword, signInToRegister, t, textedCode, user, wrongCode } from './lib.mjs';

await run('sms', async (session) => {
  const { page } = session;
  const u = user('sms');

  await signInToRegister(session, u);
  await page.getByLabel(t('field-phone'), { exact: true }).fill('call me');
  await press(page, t('methods-send-text'));
  await assertHeading(page, HEADINGS.methods);
  await assertAlert(page, new RegExp(t('methods-bad-number').slice(0, 20)));
  await checkPage(session, 'sms-number-refused');
  await page.getByLabel(t('field-phone'), { exact: true }).fill(u.number);
  await press(page, t('methods-send-text'));
  await assertHeading(page, t('confirm-sms-title'));
  await checkPage(session, 'sms-confirm');
  await page.getByLabel(LABELS.code).fill(await textedCode());
  await press(page, BUTTONS.confirm);
  await finishRegistering(session, 'sms-registered');

  await resetWith(session, u.username, { role: 'button', choice: 'choose-sms', heading: t('code-sms-title'), name: 'sms-code' });
  const code = await textedCode();
  await page.getByLabel(LABELS.code).fill(wrongCode(code));
  await press(page, BUTTONS.continue);
  await assertAlert(page, MESSAGES.wrongCode);
  await checkPage(session, 'sms-code-wrong');
  await page.getByLabel(LABELS.code).fill(code);
  await press(page, BUTTONS.continue);
  await setNewPassword(page, u.newPassword);
});
