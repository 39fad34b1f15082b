// Passkeys in a real browser with Chromium's virtual authenticators (CTAP2, user verification by
// "fingerprint"), every page checked by axe: register a passkey (first without a name, which is
// refused in place) on a spare key and one on a laptop, see the laptop refuse a second one,
// remove the spare key's, reset the password with the laptop's, then use it on a page from another origin (a
// second portal on the same database, configured for the first one's origin), which refuses it.
//
//   passkey  has nothing registered; names the passkeys `spareName` and `passkeyName`, listed as
//            `spareMethodName` and `methodName`; `removeSpare` names the spare's remove button;
//            resets to `newPassword`;
//            `wrongOriginUrl` is the portal on the other origin; `refused` starts the message
//            shown when a passkey is not accepted; `methodName` is how the methods page lists it

import assert from 'node:assert/strict';

import { BUTTONS, HEADINGS, LABELS, assertAlert, assertHeading, checkPage, env, escapeRegExp, navigates, press, resetWith, run, setNewPassword, signInToRegister, t, user } from './lib.mjs';

await run('passkey', async (session) => {
  const { page } = session;
  const u = user('passkey');

  // Virtual authenticators stand in for a phone or a security key: each holds credentials, and
  // verifies the person (as a fingerprint would) every time it is used.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const authenticator = async () => (await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })).authenticatorId;
  const held = async (id) => (await cdp.send('WebAuthn.getCredentials', { authenticatorId: id })).credentials.length;

  await signInToRegister(session, u);
  await checkPage(session, 'passkey-methods');

  // Without a name the portal refuses before the authenticator is asked; the page stays.
  const spare = await authenticator();
  const status = page.locator('#passkey-status');
  await page.getByRole('button', { name: t('methods-add-passkey-button'), exact: true }).click();
  await status.filter({ hasText: t('passkey-name-missing') }).waitFor();
  assert.equal(await held(spare), 0, 'no passkey is made for a refused name');

  // A spare security key, registered and then given up (the authenticator goes away).
  await page.getByLabel(t('field-passkey-name'), { exact: true }).fill(u.spareName);
  await press(page, t('methods-add-passkey-button'));
  await assertHeading(page, HEADINGS.methods);
  await page.getByRole('cell', { name: u.spareMethodName, exact: true }).waitFor();
  assert.equal(await held(spare), 1, 'the spare key holds its passkey');
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: spare });

  // The laptop's passkey; then the same laptop again, which it refuses (it has one for this
  // account already: the portal lists it to be excluded).
  const laptop = await authenticator();
  await page.getByLabel(t('field-passkey-name'), { exact: true }).fill(u.passkeyName);
  await press(page, t('methods-add-passkey-button'));
  await assertHeading(page, HEADINGS.methods);
  await page.getByRole('cell', { name: u.methodName, exact: true }).waitFor();
  assert.equal(await held(laptop), 1, 'the laptop holds the new passkey');
  await checkPage(session, 'passkey-registered');
  await page.getByLabel(t('field-passkey-name'), { exact: true }).fill('Laptop again');
  await page.getByRole('button', { name: t('methods-add-passkey-button'), exact: true }).click();
  await status.filter({ hasText: t('passkey-registered-already') }).waitFor();
  assert.equal(await held(laptop), 1, 'no second passkey on the same authenticator');

  // The spare key's passkey is removed from the account.
  await press(page, u.removeSpare);
  await assertHeading(page, HEADINGS.methods);
  assert.equal(await page.getByRole('cell', { name: u.spareMethodName, exact: true }).count(), 0, 'the spare key is gone');
  await page.getByRole('cell', { name: u.methodName, exact: true }).waitFor();
  await press(page, BUTTONS.finish);

  // A reset with the passkey.
  await resetWith(session, u.username, { role: 'link', choice: 'choose-passkey', heading: t('passkey-use-title'), name: 'passkey-use' });
  await press(page, t('passkey-use-button'));
  await setNewPassword(page, u.newPassword);

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
