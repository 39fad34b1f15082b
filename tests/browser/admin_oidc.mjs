// An Entra admin signs in to the admin area with OpenID Connect in the browser: "Sign in with
// your Microsoft account" on the admin sign-in page, the identity provider double's authorize
// step (it sends the signed-in person straight back, as Entra does for a known session), the
// "Signing you in" page that moves on from this site (the IdP's redirect back is cross-site and
// carries no SameSite=Strict cookie), the authenticator code, and the dashboard. A cloud
// account in no admin group gets no admin area. Every page passes axe.

import assert from 'node:assert/strict';

import {
  BUTTONS,
  LABELS,
  assertHeading,
  checkA11y,
  checkPage,
  idpSignIn,
  open,
  openSession,
  press,
  run,
  t,
  totpCode,
  user,
} from './lib.mjs';

const pathOf = (page) => new URL(page.url()).pathname;

/**
 * From the admin sign-in page, follows the Microsoft sign-in through the identity provider to
 * the page at `landing`, and checks the "Signing you in" page the browser passed through.
 */
async function signInWithMicrosoft(session, name, landing) {
  const { page } = session;
  const callback = page.waitForResponse((r) => new URL(r.url()).pathname === '/oidc/callback');
  await page.getByRole('link', { name: t('admin-sign-in-oidc'), exact: true }).click();
  const passed = await callback;
  assert.equal(passed.status(), 200, `the callback page: ${passed.url()}`);
  await page.waitForURL((u) => u.pathname === landing, { timeout: 20_000 });
  await page.waitForLoadState('load');
  // The callback page only renders the code and state into a link: asking again changes nothing.
  const again = await fetch(passed.url());
  const html = await again.text();
  assert.ok(html.includes('http-equiv="refresh"'), 'the callback page moves on by itself');
  // The copy in the checker would move on too: a 204 keeps it where it is while axe reads it.
  const finish = (u) => u.pathname === '/oidc/finish';
  await session.checker.route(finish, (route) => route.fulfill({ status: 204 }));
  await checkA11y(session, `${name}-continue`, { html, url: passed.url() });
  await session.checker.unroute(finish);
}

await run('admin_oidc', async (session) => {
  const { page } = session;
  const admin = user('admin');

  await idpSignIn(admin.username);
  await open(session, '/admin');
  assert.equal(pathOf(page), '/admin/sign-in', `not signed in yet, at ${page.url()}`);
  await assertHeading(page, t('admin-sign-in-title'));
  await checkPage(session, 'admin-oidc-sign-in');

  await signInWithMicrosoft(session, 'admin-oidc', '/admin/verify');
  await assertHeading(page, t('admin-verify-title'));
  await checkPage(session, 'admin-oidc-verify');
  await page.getByLabel(LABELS.code).fill(await totpCode(admin.username));
  await press(page, BUTTONS.continue);
  assert.equal(pathOf(page), '/admin', `signed in, at ${page.url()}`);
  await assertHeading(page, t('admin-home-title'));
  await checkPage(session, 'admin-oidc-home');

  // A cloud account in no admin group, in a browser of its own.
  const other = await openSession(session.browser);
  const outsider = user('outsider');
  await idpSignIn(outsider.username);
  await open(other, '/admin/sign-in');
  await signInWithMicrosoft(other, 'admin-oidc-outsider', '/oidc/finish');
  await assertHeading(other.page, t('error-not-admin-title'));
  await checkPage(other, 'admin-oidc-not-admin');
  await open(other, '/admin');
  assert.equal(pathOf(other.page), '/admin/sign-in', `no admin area for a non-admin, at ${other.page.url()}`);
  await open(other, '/admin/audit');
  assert.equal(pathOf(other.page), '/admin/sign-in', `no admin page either, at ${other.page.url()}`);
});
