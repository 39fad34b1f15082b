// The helpdesk's confirmation link in a real browser, with Chromium's virtual authenticator:
// the caller registers a passkey; a helpdesk member (in a second window) mails them a
// confirmation link and sees it waiting; the caller opens the link on their own device and
// confirms with the passkey; the member refreshes and sees the caller confirmed and verified.
// The link then works no more. Every page on the way passes axe.
//
// USERS: `member` (its authenticator seed given to the control server); `caller` with `email`
// (the directory's address, where the link goes), names their passkey `passkeyName`.

import assert from 'node:assert/strict';

import {
  HEADINGS,
  LABELS,
  assertHeading,
  checkPage,
  latestMail,
  navigates,
  open,
  openSession,
  press,
  run,
  signInToRegister,
  t,
  totpCode,
  user,
  words,
} from './lib.mjs';

const pathOf = (page) => new URL(page.url()).pathname;

/** The confirmation link in the newest mail to `address`, waiting until one has come. */
async function confirmationLink(address) {
  for (let i = 0; i < 50; i++) {
    const mail = await latestMail(address);
    const found = (mail.text || '').match(/https?:\/\/\S+?(\/confirm\/[A-Za-z0-9_-]+)/);
    if (found) return found[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no confirmation link came to ${address}`);
}

await run('helpdesk-confirm', async (session) => {
  const { page } = session;
  const member = user('member');
  const caller = user('caller');

  // The caller's own device: an authenticator that verifies them as a fingerprint would.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await signInToRegister(session, caller);
  await page.getByLabel(t('field-passkey-name'), { exact: true }).fill(caller.passkeyName);
  await press(page, t('methods-add-passkey-button'));
  await assertHeading(page, HEADINGS.methods);

  // The member, at the helpdesk, in another window.
  const desk = await openSession(session.browser);
  const dp = desk.page;
  await open(desk, '/helpdesk/sign-in');
  await dp.getByLabel(LABELS.username).fill(member.username);
  await dp.getByLabel(LABELS.password).fill(member.password);
  await navigates(dp, () => dp.getByLabel(LABELS.password).press('Enter'));
  assert.equal(pathOf(dp), '/helpdesk/verify', `the second method, at ${dp.url()}`);
  await dp.getByLabel(LABELS.code).fill(await totpCode(member.username));
  await navigates(dp, () => dp.getByLabel(LABELS.code).press('Enter'));
  assert.equal(pathOf(dp), '/helpdesk', `signed in, at ${dp.url()}`);
  await open(desk, `/helpdesk/person?login=${encodeURIComponent(caller.username)}`);
  const send = dp.getByRole('button', { name: new RegExp(`^${t('helpdesk-send-confirm')}`) });
  await navigates(dp, () => send.click());
  assert.ok((await dp.getByRole('status').textContent()).includes(t('helpdesk-confirm-sent')), 'sent');
  const refresh = dp.locator('#confirmation').getByRole('link', { name: t('helpdesk-refresh'), exact: true });
  await refresh.waitFor();
  assert.equal(await dp.locator('#verified').count(), 0, 'not verified before the caller confirms');
  await checkPage(desk, 'helpdesk-confirm-waiting');

  // The caller opens the link on their device and confirms with the passkey.
  const link = await confirmationLink(caller.email);
  await open(session, link);
  await assertHeading(page, t('caller-confirm-title'));
  await checkPage(session, 'helpdesk-confirm-ask');
  await press(page, t('caller-confirm-button'));
  await page.getByRole('status').filter({ hasText: words(t('caller-confirm-done')) }).waitFor();
  await checkPage(session, 'helpdesk-confirm-done');

  // The member refreshes: confirmed, and the caller is verified for this member.
  await navigates(dp, () => refresh.click());
  await dp.locator('#verified').waitFor();
  assert.equal(await dp.locator('#confirmation a').count(), 0, 'no longer waiting');
  await checkPage(desk, 'helpdesk-confirm-confirmed');

  // Once only.
  const again = await open(session, link);
  assert.equal(again.status(), 410, 'the link is spent');
  await assertHeading(page, t('caller-confirm-title'));
});
