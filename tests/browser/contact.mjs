// The helpdesk's contact ([contact]) on every page that sends people to the helpdesk, in every
// language, and "Didn't get a code?" on the code page, the same for every account.
//
//   USERS.contact   {lang: {region, phone, hours, username, continue, choose}}: the contact's
//                   heading, phone and hours as each language shows them (the test words hours
//                   differently per language), and the words that lead to the method choice
//   USERS.reset     has a registered recovery address
//   USERS.unknown   an account the directory does not have; so is USERS.chooser
//
// With JavaScript the guidance waits 30 s before it shows itself; the spec runs the browser's
// clock forward instead of waiting.

import assert from 'node:assert/strict';

import { BUTTONS, HEADINGS, LABELS, LANGUAGES, assertHeading, checkPage, env, open, press, run, startReset, t, user } from './lib.mjs';

const contact = env.users.contact;

/** The contact is on the page, visible, with this language's words. */
async function assertContact(page, lang, where) {
  const c = contact[lang];
  const region = page.getByRole('region', { name: c.region, exact: true }).filter({ visible: true });
  assert.ok((await region.count()) >= 1, `the helpdesk contact (${c.region}) on ${where} in ${lang}`);
  const text = (await region.first().textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes(c.phone), `the phone number on ${where} in ${lang}: ${text}`);
  assert.ok(text.includes(c.hours), `the hours in ${lang} on ${where}: ${text}`);
  const phone = region.first().getByRole('link', { name: c.phone });
  assert.match(await phone.getAttribute('href'), /^tel:\+\d+$/, `a tel: link on ${where}`);
}

/** The text of "Didn't get a code?" on the code page, opened. */
async function noCodeText(page) {
  const summary = page.getByText(t('code-help-summary'), { exact: true });
  if (env.js) {
    assert.equal(await summary.isVisible(), false, 'the guidance waits before it shows itself');
    await page.clock.fastForward(31_000);
  }
  await summary.waitFor({ state: 'visible' });
  if (!env.js) await summary.click();
  const group = page.getByRole('group').filter({ has: summary });
  await group.getByText(t('code-help-never')).waitFor({ state: 'visible' });
  return (await group.textContent()).replace(/\s+/g, ' ').trim();
}

await run('helpdesk', async (session) => {
  const { page } = session;
  if (env.js) await page.clock.install();

  // Pages anyone can open, in every language: the footer says the helpdesk never asks for a
  // password; errors and the kiosk say to contact it.
  for (const lang of LANGUAGES) {
    for (const [name, path] of [
      ['home', '/'],
      ['reset', '/reset'],
      ['not-found', '/no-such-page'],
      ['step-without-attempt', '/reset/verify'],
      ['wasnt-me-spent', '/wasnt-me/not-a-real-token'],
    ]) {
      await open(session, path, { lang });
      await assertContact(page, lang, name);
    }
    // Choosing a method: "If you have not registered any … contact the helpdesk".
    const words = contact[lang];
    await open(session, '/reset', { lang });
    await page.getByLabel(words.username).fill(user('chooser').username);
    await press(page, words.continue);
    await assertHeading(page, words.choose);
    await assertContact(page, lang, 'choose');
    if (lang === env.lang) await checkPage(session, 'choose-with-contact');
  }

  // "Didn't get a code?" reads the same whether the account exists and registered or not.
  const texts = [];
  for (const role of ['unknown', 'reset']) {
    await startReset(session, user(role).username);
    await press(page, BUTTONS.emailMeACode);
    await assertHeading(page, HEADINGS.emailCode);
    texts.push(await noCodeText(page));
    await checkPage(session, `no-code-${role}`);
  }
  assert.equal(texts[0], texts[1], 'the guidance is the same for an unknown and a registered account');
  for (const id of ['code-help-email-spam', 'code-help-which', 'code-help-never']) {
    assert.ok(texts[0].includes(t(id)), `${id} in ${texts[0]}`);
  }
  assert.ok(texts[0].includes(contact[env.lang].phone), 'the guidance names the helpdesk');
  assert.ok(!texts[0].includes(`${env.baseUrl}/reset?lang=`), 'no phone address outside a kiosk');

  // One start more in a day than limits.resets_per_account_per_day (one a language above):
  // self-service is paused for the username, and the page that says so sends people to the
  // helpdesk.
  await open(session, '/reset');
  await page.getByLabel(LABELS.username).fill(user('chooser').username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, t('error-paused-title'));
  await assertContact(page, env.lang, 'paused');
  await checkPage(session, 'paused-with-contact');

  // On a kiosk (which the browser stays in from here on) too; and the guidance also says how
  // to go on from a phone.
  for (const lang of LANGUAGES) {
    await open(session, '/kiosk/', { lang });
    await assertContact(page, lang, 'kiosk-home');
  }
  await open(session, '/kiosk/reset');
  await page.getByLabel(LABELS.username).fill(user('reset').username);
  await press(page, BUTTONS.continue);
  await press(page, BUTTONS.emailMeACode);
  const kiosk = await noCodeText(page);
  assert.ok(kiosk.includes(`${env.baseUrl}/reset?lang=${env.lang}`), `the phone address in ${kiosk}`);
  await checkPage(session, 'no-code-kiosk');
});
