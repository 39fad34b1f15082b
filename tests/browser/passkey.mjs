// Passkeys in a real browser with Chromium's virtual authenticator (CTAP2, user verification by
// "fingerprint"), every page checked by axe: register a passkey (first without a name, which is
// refused in place), reset the password with it, then use it on a page from another origin (a
// second portal on the same database, configured for the first one's origin), which refuses it.
//
//   passkey  has nothing registered; names the passkey `passkeyName`; resets to `newPassword`;
//            `wrongOriginUrl` is the portal on the other origin; `refused` starts the message
//            shown when a passkey is not accepted; `methodName` is how the methods page lists it

import assert from 'node:assert/strict';

import { BUTTONS, HEADINGS, LABELS, assertAlert, assertHeading, checkPage, env, escapeRegExp, navigates, open, press, run, t, user } from './lib.mjs';

await run('passkey', async (session) => {
  const { page } = session;
  const u = user('passkey');

  // The virtual authenticator stands in for a phone or a security key: it holds credentials,
  // and verifies the person (as a fingerprint would) every time it is used.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await open(session, '/register');
  await page.getByLabel(LABELS.username).fill(u.username);
  await page.getByLabel(LABELS.password).fill(u.password);
  await press(page, BUTTONS.signIn);
  await assertHeading(page, HEADINGS.methods);
  await checkPage(session, 'passkey-methods');

  // Without a name the portal refuses before the authenticator is asked; the page stays.
  const status = page.locator('#passkey-status');
  await page.getByRole('button', { name: t('methods-add-passkey-button'), exact: true }).click();
  await assert.doesNotReject(status.filter({ hasText: t('passkey-name-missing') }).waitFor());
  let credentials = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.credentials.length, 0, 'no passkey is made for a refused name');

  await page.getByLabel(t('field-passkey-name'), { exact: true }).fill(u.passkeyName);
  await press(page, t('methods-add-passkey-button'));
  await assertHeading(page, HEADINGS.methods);
  await assert.doesNotReject(page.getByRole('cell', { name: u.methodName, exact: true }).waitFor());
  credentials = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.credentials.length, 1, 'the authenticator holds the new passkey');
  await checkPage(session, 'passkey-registered');
  await press(page, BUTTONS.finish);

  // A reset with the passkey.
  await open(session, '/reset');
  await page.getByLabel(LABELS.username).fill(u.username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, HEADINGS.choose);
  await navigates(page, () => page.getByRole('link', { name: t('choose-passkey'), exact: true }).click());
  await assertHeading(page, t('passkey-use-title'));
  await checkPage(session, 'passkey-use');
  await press(page, t('passkey-use-button'));
  await assertHeading(page, HEADINGS.newPassword);
  await page.getByLabel(LABELS.newPassword).fill(u.newPassword);
  await page.getByLabel(LABELS.confirmPassword).fill(u.newPassword);
  await press(page, BUTTONS.setPassword);
  await assertHeading(page, HEADINGS.resetDone);

  // A portal on an origin passkeys are not for: the browser signs (the relying party id,
  // localhost, fits any port), and the portal refuses the answer because of the origin in it.
  await page.goto(`${u.wrongOriginUrl}/reset?lang=${env.lang}`);
  await page.getByLabel(LABELS.username).fill(u.username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, HEADINGS.choose);
  await navigates(page, () => page.getByRole('link', { name: t('choose-passkey'), exact: true }).click());
  await assertHeading(page, t('passkey-use-title'));
  await press(page, t('passkey-use-button'));
  await assertHeading(page, t('passkey-use-title'));
  await assertAlert(page, new RegExp(escapeRegExp(u.refused)));
  await checkPage(session, 'passkey-wrong-origin');
});
