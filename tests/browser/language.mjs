// The language form in the page header (templates/base.html): a labelled native <select> and
// a submit button in a GET form, no script involved.
//
//   - with the keyboard alone: Tab reaches the select, an arrow key changes the choice without
//     leaving the page, Tab and Enter on the button open the same page, username kept, in the
//     language chosen; the select and button are named by their label and text; axe passes;
//   - its height in the header is printed at desktop width and at 320 px, and must stay one
//     line (under 3.5 rem) at 320 px;
//   - no start page scrolls sideways at 320 px, in any language (pages.mjs checks the rest).
//
// PAGE_LANG must be English (the spec changes to German, the next language in the list).

import assert from 'node:assert/strict';

import { DESKTOP, LANGUAGES, NARROWEST, checkPage, env, navigates, open, run, t, tabTo } from './lib.mjs';

/** The pages a person opens directly; each checked at 320 px in every language. */
const PAGES = ['/', '/reset', '/unlock', '/change', '/register'];

/** The header's language form and the whole header, in CSS pixels. */
function heights(page) {
  return page.evaluate(() => ({
    form: Math.round(document.querySelector('form.languages').getBoundingClientRect().height),
    header: Math.round(document.querySelector('header.site').getBoundingClientRect().height),
  }));
}

await run('language', async (session) => {
  assert.equal(env.lang, 'en', 'the spec starts in English');
  const { page } = session;

  // How much room it takes.
  for (const viewport of [DESKTOP, NARROWEST]) {
    await page.setViewportSize(viewport);
    await open(session, '/reset?username=ann');
    const h = await heights(page);
    console.log(`  language form at ${viewport.width} px: ${h.form} px high (header ${h.header} px)`);
    if (viewport === NARROWEST) assert.ok(h.form <= 56, `the language form is one line at 320 px: ${h.form} px`);
  }
  await page.setViewportSize(DESKTOP);

  // The keyboard alone.
  await open(session, '/reset?username=ann');
  const select = page.getByRole('combobox', { name: t('language-switcher'), exact: true });
  const button = page.getByRole('button', { name: t('language-apply'), exact: true });
  assert.equal(await select.inputValue(), 'en');
  await tabTo(page, select, 'the language select');
  await page.evaluate(() => {
    window.stillHere = true;
  });
  await page.keyboard.press('ArrowDown');
  assert.equal(await select.inputValue(), 'de', 'the arrow key chose the next language');
  await tabTo(page, button, 'the language button', 1);
  assert.ok(await page.evaluate(() => window.stillHere === true), 'choosing alone did not leave the page');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await navigates(page, () => page.keyboard.press('Enter'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/reset');
  assert.equal(url.searchParams.get('username'), 'ann', 'the rest of the address is kept');
  assert.equal(url.searchParams.get('lang'), 'de');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('#username').inputValue(), 'ann');
  assert.equal(await page.getByRole('combobox').inputValue(), 'de', 'the form shows the language now in use');
  await checkPage(session, 'language-form');

  // No sideways scrolling at 320 px, whatever the language.
  await page.setViewportSize(NARROWEST);
  const wide = [];
  for (const lang of LANGUAGES) {
    for (const path of PAGES) {
      await open(session, path, { lang });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) wide.push(`${path}?lang=${lang}: ${scrollWidth} px in ${clientWidth} px`);
    }
  }
  assert.deepEqual(wide, [], 'pages that scroll sideways at 320 px');
});
