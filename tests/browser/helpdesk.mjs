// The helpdesk console in a real browser, with the keyboard alone (Tab, typing and Enter, never
// a click or a fill): a member signs in with the password and an authenticator code, finds a
// locked-out caller, sends a code to the caller's registered address, types in what the caller
// reads back, and unlocks the account. Every page on the way passes axe.
//
// USERS: `member` (its authenticator seed given to the control server); `caller` with `email`
// registered.

import assert from 'node:assert/strict';

import {
  LABELS,
  assertHeading,
  checkPage,
  enter,
  mailedCode,
  open,
  run,
  t,
  tabTo,
  totpCode,
  user,
  words,
} from './lib.mjs';

const pathOf = (page) => new URL(page.url()).pathname;

await run('helpdesk', async (session) => {
  const { page } = session;
  const member = user('member');
  const caller = user('caller');

  await open(session, '/helpdesk');
  assert.equal(pathOf(page), '/helpdesk/sign-in', `not signed in yet, at ${page.url()}`);
  await assertHeading(page, t('helpdesk-sign-in-title'));
  await checkPage(session, 'helpdesk-sign-in');
  await tabTo(page, page.getByLabel(LABELS.username), 'the username field');
  await page.keyboard.type(member.username);
  await tabTo(page, page.getByLabel(LABELS.password), 'the password field', 1);
  await page.keyboard.type(member.password);
  await enter(page);
  assert.equal(pathOf(page), '/helpdesk/verify', `the second method, at ${page.url()}`);
  await checkPage(session, 'helpdesk-verify');
  await tabTo(page, page.getByLabel(LABELS.code), 'the code field');
  await page.keyboard.type(await totpCode(member.username));
  await enter(page);
  assert.equal(pathOf(page), '/helpdesk', `signed in, at ${page.url()}`);
  await assertHeading(page, t('helpdesk-home-title'));
  await checkPage(session, 'helpdesk-home');

  await tabTo(page, page.getByLabel(words(t('helpdesk-search-label'), { whole: true })), 'the search field');
  await page.keyboard.type(caller.username);
  await enter(page);
  await checkPage(session, 'helpdesk-results');
  await tabTo(page, page.getByRole('link', { name: caller.username, exact: true }), 'the person found');
  await enter(page);
  assert.equal(pathOf(page), '/helpdesk/person', `the person's page, at ${page.url()}`);
  await checkPage(session, 'helpdesk-person');

  const send = page.getByRole('button', { name: new RegExp(`^${t('helpdesk-send-code')}`) });
  await tabTo(page, send, 'the send-a-code button');
  await enter(page);
  await checkPage(session, 'helpdesk-check');
  const code = await mailedCode(caller.email);
  await tabTo(page, page.getByLabel(words(t('helpdesk-code-read'), { whole: true })), 'the read-back field');
  await page.keyboard.type(code);
  await enter(page);
  assert.ok((await page.getByRole('status').textContent()).includes(t('helpdesk-verified')), 'verified');
  await checkPage(session, 'helpdesk-verified');

  await tabTo(page, page.getByRole('button', { name: t('helpdesk-action-unlock'), exact: true }), 'the unlock button', 40);
  await enter(page);
  assert.ok((await page.getByRole('status').textContent()).includes(t('helpdesk-done')), 'done');
  await checkPage(session, 'helpdesk-done');
});
