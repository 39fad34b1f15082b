// The admin area in a real browser: an admin signs in with the password and an authenticator
// code, every admin page passes axe in every language (screenshots at desktop and phone
// width), and the activity chart, drawn on the server as SVG, renders and says exactly what
// the table beside it says.

import assert from 'node:assert/strict';

import { BUTTONS, LABELS, LANGUAGES, checkPage, navigates, open, press, run, t, totpCode, user } from './lib.mjs';

const PAGES = [
  { name: 'home', path: '/admin' },
  { name: 'coverage', path: '/admin/coverage' },
  { name: 'activity', path: '/admin/activity' },
  { name: 'audit', path: '/admin/audit' },
];

await run('admin', async (session) => {
  const { page } = session;
  const admin = user('admin');

  await open(session, '/admin/sign-in');
  await checkPage(session, 'admin-sign-in');
  await page.getByLabel(LABELS.username).fill(admin.username);
  await page.getByLabel(LABELS.password).fill(admin.password);
  await press(page, BUTTONS.signIn);
  await checkPage(session, 'admin-verify');
  await page.getByLabel(LABELS.code).fill(await totpCode(admin.username));
  await press(page, BUTTONS.continue);
  assert.ok(new URL(page.url()).pathname === '/admin', `signed in, at ${page.url()}`);

  // The navigation leads to every page.
  for (const name of ['admin-nav-coverage', 'admin-nav-activity', 'admin-nav-audit', 'admin-nav-home']) {
    const nav = page.getByRole('navigation', { name: t('admin-nav-label') });
    await navigates(page, () => nav.getByRole('link', { name: t(name), exact: true }).click());
    const current = nav.getByRole('link', { name: t(name), exact: true });
    assert.equal(await current.getAttribute('aria-current'), 'page', `${name} is marked as the current page`);
  }

  for (const lang of LANGUAGES) {
    for (const p of PAGES) {
      const response = await open(session, p.path, { lang });
      assert.equal(response.status(), 200, `${p.path} in ${lang}`);
      await checkPage(session, `admin-${lang}-${p.name}`);
    }
  }

  // The chart and its table.
  await open(session, '/admin/activity', { lang: 'en' });
  const figure = page.getByRole('figure', { name: t('admin-chart-caption') });
  const chart = figure.getByRole('img');
  assert.equal(await chart.count(), 1, 'one chart in the figure');
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 300 && box.height > 100, `the chart is drawn at a readable size: ${JSON.stringify(box)}`);
  const bars = await chart.locator('rect[data-count]').evaluateAll((rects) =>
    rects.map((r) => ({
      day: r.dataset.day,
      activity: r.dataset.activity,
      count: Number(r.dataset.count),
      height: r.getBoundingClientRect().height,
      fill: getComputedStyle(r).fill,
    })),
  );
  assert.ok(bars.length >= 3, `bars for the seeded days and activities: ${JSON.stringify(bars)}`);
  for (const b of bars) assert.ok(b.height > 0 && b.fill && b.fill !== 'none', `bar drawn: ${JSON.stringify(b)}`);
  // Heights are to scale: pixels per success is the same for every bar.
  const scale = bars.map((b) => b.height / b.count);
  assert.ok(Math.max(...scale) - Math.min(...scale) < 0.5, `bars to one scale: ${scale}`);

  const table = page.getByRole('table', { name: t('admin-per-day-caption') });
  const header = await table.getByRole('row').first().getByRole('columnheader').allTextContents();
  const activities = ['register', 'change', 'reset', 'unlock'];
  const names = activities.map((a) => t(`admin-activity-${a}`));
  assert.deepEqual(header.slice(1, 5).map((h) => h.trim()), names, 'the table has a column per activity');
  const cells = new Map();
  for (const row of await table.getByRole('row').all()) {
    const day = (await row.getByRole('rowheader').allTextContents())[0]?.trim();
    if (!day) continue;
    const numbers = (await row.getByRole('cell').allTextContents()).map((c) => Number(c.trim()));
    activities.forEach((a, i) => cells.set(`${day} ${a}`, numbers[i]));
  }
  for (const b of bars) {
    assert.equal(cells.get(`${b.day} ${b.activity}`), b.count, `the table says what the bar says for ${b.day} ${b.activity}`);
  }
  const nonZero = [...cells].filter(([, n]) => n > 0);
  assert.equal(nonZero.length, bars.length, `a bar for every number in the table: ${JSON.stringify(nonZero)}`);
  const expected = env_expected();
  for (const [key, n] of Object.entries(expected)) {
    assert.equal(cells.get(key), n, `the seeded count for ${key}`);
  }
});

/** The per-day counts the test seeded, from USERS.expected ({ "<day> <activity>": n }). */
function env_expected() {
  return user('expected');
}
