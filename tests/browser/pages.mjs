// Every page a person can open directly, in every language, also in kiosk mode: axe,
// screenshots at desktop and phone width, no sideways scrolling at 375 or 320 px, and
// <html lang> naming the language asked for.
// The flow pages behind a form (codes, new password, done pages, error states) are covered by
// flows.mjs. To check another page, add it to PAGES; another language, to LANGUAGES in lib.mjs.

import assert from 'node:assert/strict';

import { HEADINGS, LANGUAGES, checkPage, env, open, openSession, run } from './lib.mjs';

/** name: for screenshots; path: what to open; status: the answer expected; heading if fixed. */
export const PAGES = [
  { name: 'home', path: '/', status: 200, heading: HEADINGS.home },
  { name: 'reset', path: '/reset', status: 200 },
  { name: 'unlock', path: '/unlock', status: 200 },
  { name: 'change', path: '/change', status: 200 },
  { name: 'register', path: '/register', status: 200 },
  { name: 'not-found', path: '/no-such-page', status: 404 },
  // A step opened without an attempt behind it (an old bookmark, a second tab).
  { name: 'step-without-attempt', path: '/reset/verify', status: 410 },
  // Kiosk mode (the test sets kiosk.path_prefix = "/kiosk").
  { name: 'kiosk-home', path: '/kiosk/', status: 200 },
  { name: 'kiosk-reset', path: '/kiosk/reset', status: 200 },
  { name: 'kiosk-unlock', path: '/kiosk/unlock', status: 200 },
];

/** Pages checked side by side: the browser waits on the portal about half of the time. */
const WORKERS = 2;

await run('pages', async (session) => {
  const jobs = LANGUAGES.flatMap((lang) => PAGES.map((p) => ({ lang, p })));
  const sessions = [session];
  while (sessions.length < WORKERS) sessions.push(await openSession(session.browser));
  const results = await Promise.allSettled(
    sessions.map(async (s) => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await check(s, job);
    }),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
});

async function check(session, { lang, p }) {
  const { page } = session;
  const url = `${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`;
  const response = await open(session, url);
  assert.equal(response.status(), p.status, `status of ${url}`);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  assert.ok(htmlLang?.toLowerCase().startsWith(lang), `<html lang="${htmlLang}"> on ${url}`);
  const h1 = page.getByRole('heading', { level: 1 });
  assert.equal(await h1.count(), 1, `one <h1> on ${url}`);
  // HEADINGS has the words of PAGE_LANG only.
  if (p.heading && lang === env.lang) {
    assert.equal((await h1.textContent()).trim(), p.heading);
  }
  await checkPage(session, `${lang}-${p.name}`);
}
