// The registration campaign's page in a real browser: it passes axe in every language, and its
// coverage chart, drawn on the server as SVG, shows exactly what the table beside it says.

import assert from 'node:assert/strict';

import { BUTTONS, LABELS, LANGUAGES, checkPage, open, press, run, t, totpCode, user } from './lib.mjs';

await run('campaign', async (session) => {
  const { page } = session;
  const admin = user('admin');

  await open(session, '/admin/sign-in');
  await page.getByLabel(LABELS.username).fill(admin.username);
  await page.getByLabel(LABELS.password).fill(admin.password);
  await press(page, BUTTONS.signIn);
  await page.getByLabel(LABELS.code).fill(await totpCode(admin.username));
  await press(page, BUTTONS.continue);
  assert.ok(new URL(page.url()).pathname === '/admin', `signed in, at ${page.url()}`);

  for (const lang of LANGUAGES) {
    const response = await open(session, '/admin/campaign', { lang });
    assert.equal(response.status(), 200, `/admin/campaign in ${lang}`);
    await checkPage(session, `admin-${lang}-campaign`);
  }

  await open(session, '/admin/campaign', { lang: 'en' });
  const chart = page.getByRole('img', { name: t('admin-campaign-chart') });
  assert.equal(await chart.count(), 1, 'one coverage chart');
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 300 && box.height > 100, `the chart is drawn at a readable size: ${JSON.stringify(box)}`);
  const bars = await chart.locator('rect[data-percent]').evaluateAll((rects) =>
    rects.map((r) => ({
      day: r.dataset.day,
      percent: Number(r.dataset.percent),
      height: r.getBoundingClientRect().height,
      fill: getComputedStyle(r).fill,
    })),
  );
  // The 100 % grid line gives the scale: a bar's height over it is its share.
  const grid = await chart.locator('line.grid').evaluateAll((lines) => lines.map((l) => l.getBoundingClientRect().top));
  const full = Math.max(...grid) - Math.min(...grid);
  assert.ok(full > 50, `the scale is drawn: ${grid}`);

  const table = page.getByRole('table', { name: t('admin-campaign-chart') });
  const rows = new Map();
  for (const row of await table.getByRole('row').all()) {
    const day = (await row.getByRole('rowheader').allTextContents())[0]?.trim();
    if (!day) continue;
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    rows.set(day, { inScope: Number(cells[0]), enough: Number(cells[1]), percent: Number(cells[2].replace('%', '').trim()) });
  }
  assert.equal(bars.length, rows.size, `a bar for every day of the table: ${JSON.stringify(bars)} ${JSON.stringify([...rows])}`);
  for (const b of bars) {
    const row = rows.get(b.day);
    assert.ok(row, `the table has ${b.day}`);
    assert.equal(row.percent, b.percent, `the table says what the bar says for ${b.day}`);
    assert.equal(Math.round((row.enough * 100) / row.inScope), b.percent, `the share is enough over in scope on ${b.day}`);
    assert.ok(Math.abs(b.height - (full * b.percent) / 100) < 1.5, `the bar for ${b.day} is ${b.percent} % tall: ${b.height} of ${full}`);
    if (b.percent > 0) assert.ok(b.fill && b.fill !== 'none', `bar drawn: ${JSON.stringify(b)}`);
  }
  const expected = user('expected');
  for (const [day, percent] of Object.entries(expected)) {
    assert.equal(rows.get(day)?.percent, percent, `the seeded coverage of ${day}`);
  }
});
