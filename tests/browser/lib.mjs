// What the browser specs share: Debian's chromium through playwright-core, axe-core checks,
// screenshots, and the test's control server (mailed codes, TOTP codes).
//
// The specs are plain node scripts started by tests/it/browser.rs, which also starts the
// portal, makes the accounts and passes everything in environment variables:
//
//   BASE_URL        the portal, e.g. http://127.0.0.1:41234
//   CONTROL_URL     the test's control server (see tests/it/support/browser.rs)
//   USERS           JSON {role: {username, password, email, newPassword}}; email is the
//                   recovery address (registered by the test, or to register in the browser)
//   JS              on | off: the browser context runs page scripts or not
//   PAGE_LANG       the language the pages are opened in (`?lang=`; default en); not LANG,
//                   which is the process's own locale and chromium's
//   TEXTS           JSON {lang: {messageId: text}}: the words of locales/<lang>/main.ftl for
//                   PAGE_LANG and English (see catalogue_texts in tests/it/support/browser.rs);
//                   the specs look for these, never for words of their own
//   SCREENSHOT_DIR  where PNGs go (default docs/screenshots/)
//   CHROMIUM        the browser binary (default /usr/bin/chromium)
//
// Driving a flow uses only role, label and text locators (getByRole, getByLabel, getByText),
// the way a person finds a control; never CSS selectors.
//
// Accessibility checks never run inside the page under test. With JavaScript off, scripts
// cannot run there at all (Chromium kills a script-disabled page as soon as axe sets a timer),
// and with it on, the portal's CSP (script-src 'self') refuses the inline <script> that
// addScriptTag makes; bypassing CSP for the whole context would hide the CSP mistakes these
// tests should catch. So checkA11y copies the page's current DOM (page.content()) into a
// separate, JS-enabled "checker" page at the same URL and viewport, whose document request is
// answered with that copy, whose stylesheets and images come from the portal as usual, and
// whose own scripts are blocked (the copy already shows what they did, or, without JavaScript,
// that nothing ran). axe.min.js is injected there from node_modules with addInitScript({path})
// (addScriptTag({path}) works too, but re-parsing axe for every page costs ~150 ms). One code
// path for both runs, and the same verdict for a page with JavaScript on and off.
//
// Problems that are not flow failures (axe violations, horizontal scrolling at 320 px, focus
// that cannot be seen) are collected, so one run lists every one of them, and make the spec
// fail at the end (see `run`).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The run's settings, from the environment (see the top of this file). */
export const env = {
  baseUrl: (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, ''),
  controlUrl: (process.env.CONTROL_URL || '').replace(/\/$/, ''),
  users: JSON.parse(process.env.USERS || '{}'),
  js: (process.env.JS || 'on') !== 'off',
  lang: process.env.PAGE_LANG || 'en',
  texts: JSON.parse(process.env.TEXTS || '{}'),
  screenshotDir: process.env.SCREENSHOT_DIR || path.join(here, '..', '..', 'docs', 'screenshots'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

/**
 * The languages every page is checked in (`?lang=` on the URL; locales/<code>/main.ftl). Add a
 * code here when its catalogue lands; pages.mjs then checks every page in it, including that
 * `<html lang>` names it. The flows run in PAGE_LANG, with the words from TEXTS.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it', 'pl', 'pt', 'sv'];

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 800 };
/** The narrowest screen the pages must fit without scrolling sideways (WCAG 1.4.10 reflow). */
export const NARROWEST = { width: 320, height: 800 };

/**
 * The catalogue's words for message `id` in `lang` (default PAGE_LANG), from TEXTS. Messages
 * that take values are not there, except the few catalogue_texts computes (`code-wrong`: the
 * words before the number of tries; `methods-remove-label`: with `{method}` for the method).
 */
export function t(id, lang = env.lang) {
  const text = env.texts[lang]?.[id];
  if (typeof text !== 'string') {
    const have = Object.keys(env.texts);
    throw new Error(
      `TEXTS has no message "${id}" in "${lang}" (it has ${have.length ? have.join(', ') : 'no language'}); ` +
        'the specs are started by tests/it/browser.rs, which passes the catalogue',
    );
  }
  return text;
}

/** `text` with every character a RegExp treats specially escaped. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for the words `text`, anywhere in a string (whole: the entire string): a space
 * matches any run of white space, an apostrophe either ' or ’.
 */
export function words(text, { whole = false } = {}) {
  const body = text
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/['\u2019]/g, "['\u2019]"))
    .join('\\s+');
  return new RegExp(whole ? `^${body}$` : body);
}

/**
 * The words the specs look for, in one place, in PAGE_LANG: headings of the pages, names of
 * buttons and links, labels of fields, messages after a mistake. Labels are whole-text
 * patterns (so "New password" is not "New password again"); link names are patterns because
 * a task link's name includes its description.
 */
export const HEADINGS = {
  home: t('home-title'),
  registerSignIn: t('register-sign-in-title'),
  methods: t('methods-title'),
  confirmEmail: t('confirm-email-title'),
  registerDone: t('register-done-title'),
  change: t('change-title'),
  changed: t('change-done-title'),
  reset: t('reset-title'),
  unlock: t('unlock-title'),
  choose: t('choose-title'),
  emailCode: t('code-email-title'),
  appCode: t('code-totp-title'),
  newPassword: t('password-title'),
  resetDone: t('reset-done-title'),
  proved: t('unlock-ready-title'),
  unlocked: t('unlock-done-title'),
  prove: t('prove-title'),
};

/** Patterns of the messages the specs expect (alerts after a mistake, notices). */
export const MESSAGES = {
  wrongCode: words(t('code-wrong')),
  signInFailed: words(t('sign-in-failed')),
  passwordsDiffer: words(t('new-password-mismatch')),
  methodRegistered: words(t('methods-added')),
};

export const LABELS = {
  username: words(t('field-username'), { whole: true }),
  password: words(t('field-password'), { whole: true }),
  currentPassword: words(t('field-current-password'), { whole: true }),
  newPassword: words(t('field-new-password'), { whole: true }),
  confirmPassword: words(t('field-new-password-again'), { whole: true }),
  code: words(t('field-code'), { whole: true }),
  emailAddress: words(t('field-email'), { whole: true }),
};

export const BUTTONS = {
  signIn: t('sign-in'),
  continue: t('continue'),
  sendToAddress: t('methods-send-code'),
  confirm: t('confirm-button'),
  finish: t('methods-finish'),
  change: t('change-button'),
  emailMeACode: t('choose-email'),
  setPassword: t('password-button'),
  unlock: t('unlock-button'),
};

export const LINKS = {
  forgot: words(t('home-reset')),
  locked: words(t('home-unlock')),
  change: words(t('home-change')),
  register: words(t('home-register')),
  authenticator: words(t('choose-totp')),
  skip: words(t('skip-to-content')),
};

/**
 * The name of the button that removes the registered address ending in `@domain` (the list
 * shows the address masked, r•••b@…).
 */
export function removeButtonName(domain) {
  const [before, after] = t('methods-remove-label').split('{method}');
  return new RegExp(`^${escapeRegExp(before)}.*@${escapeRegExp(domain)}${escapeRegExp(after)}$`);
}

const problems = [];

/** Records a problem that fails the spec at the end without stopping the flow. */
export function problem(page, text) {
  problems.push({ page, text });
  console.log(`  ✗ ${page}: ${text.split('\n')[0]}`);
}

/**
 * Runs a spec: launches chromium (JavaScript as JS says), hands `body` a session, and on the
 * way out prints every collected problem; the process exits non-zero on any problem or error.
 */
export async function run(name, body) {
  const started = Date.now();
  const tag = `${name} (${env.lang}, JavaScript ${env.js ? 'on' : 'off'})`;
  console.log(`${tag}: ${env.baseUrl}`);
  const browser = await chromium.launch({ executablePath: env.chromium, args: ['--no-sandbox'] });
  const session = await openSession(browser);
  let failed = null;
  try {
    await body(session);
  } catch (error) {
    failed = error;
    await describeFailure(session.page, error);
  } finally {
    await browser.close().catch(() => {});
  }
  if (problems.length > 0) {
    console.log(`\n${tag}: ${problems.length} problem(s) on the pages:\n`);
    for (const p of problems) {
      console.log(`● ${p.page}\n${indent(p.text, '  ')}\n`);
    }
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failed || problems.length > 0) {
    console.log(`${tag}: FAILED after ${secs} s${failed ? ' (the flow broke, see above)' : ''}`);
    process.exitCode = 1;
  } else {
    console.log(`${tag}: passed in ${secs} s`);
  }
}

/**
 * A browser context for the run's pages (JavaScript as JS says) with its page and its axe
 * checker. `run` opens the first; a spec may open more to check pages side by side.
 */
export async function openSession(browser) {
  // English as the browser's own language (Accept-Language), whatever the machine's locale: a
  // page shows PAGE_LANG only because the spec asked for it.
  const context = await browser.newContext({ javaScriptEnabled: env.js, viewport: DESKTOP, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  // A page load may take longer while the rest of the suite keeps both cores busy (once, in a
  // full run on a slower machine, the first load after installing the fake clock took over 10 s
  // and passed on its own); a page that never loads still fails.
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  // The checker page for axe (see the top of this file): JavaScript on, own cookies, no CSP.
  const checkerContext = await browser.newContext({ javaScriptEnabled: true, viewport: DESKTOP });
  const checker = await checkerContext.newPage();
  const mirror = { html: '' };
  // axe.min.js comes with every document the checker opens, before anything else runs.
  await checkerContext.addInitScript({ path: AXE_PATH });
  // Stylesheets and images do not change during a run: fetch each from the portal once.
  const assets = new Map();
  await checker.route('**/*', async (route) => {
    const request = route.request();
    if (request.isNavigationRequest()) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: mirror.html });
    }
    if (request.resourceType() === 'script') return route.abort();
    if (!assets.has(request.url())) {
      const response = await route.fetch();
      assets.set(request.url(), { status: response.status(), headers: response.headers(), body: await response.body() });
    }
    return route.fulfill(assets.get(request.url()));
  });
  return { browser, context, page, checker, mirror };
}

async function describeFailure(page, error) {
  console.log(`\nThe flow broke: ${error.stack || error}`);
  try {
    console.log(`  at ${page.url()}`);
    const h1 = await page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 1000 });
    console.log(`  heading: ${h1?.trim()}`);
    const alerts = await page.getByRole('alert').allTextContents();
    if (alerts.length) console.log(`  alert: ${alerts.map((a) => a.trim()).join(' | ')}`);
    mkdirSync(env.screenshotDir, { recursive: true });
    const file = path.join(env.screenshotDir, 'FAILED.png');
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot: ${file}`);
  } catch {
    // The page may be gone; the error above is what matters.
  }
}

function indent(text, prefix) {
  return text.split('\n').map((l) => prefix + l).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * Opens a path of the portal in language `lang` (default PAGE_LANG; null: as the path says)
 * and waits for it to load. A path with its own `lang=` keeps it. Outside a kiosk the portal
 * then remembers the language in a cookie, so the pages a flow leads to are in it too.
 */
export async function open(session, pathAndQuery, { lang = env.lang } = {}) {
  const url = new URL(env.baseUrl + pathAndQuery);
  if (lang && !url.searchParams.has('lang')) url.searchParams.set('lang', lang);
  return session.page.goto(url.href);
}

/**
 * Does something that loads a new document (a click on a submit button or link, Enter in a
 * form) and waits until it has loaded. A form held back by the proof of work still counts: the
 * wait covers the time pow.js needs before it sends.
 */
export async function navigates(page, action) {
  const loaded = page.waitForEvent('load', { timeout: 20_000 });
  await action();
  await loaded;
}

/** Clicks the button named `name` and waits for the page it leads to. */
export async function press(page, name) {
  await navigates(page, () => page.getByRole('button', { name, exact: true }).click());
}

/**
 * Begins a reset for `username` and chooses a way to prove it: the link or button (`role`)
 * named by the message `choice`. Lands on the method's page, headed `heading`, checked as
 * `name`.
 */
export async function resetWith(session, username, { role, choice, heading, name }) {
  const { page } = session;
  await startReset(session, username);
  await navigates(page, () => page.getByRole(role, { name: t(choice), exact: true }).click());
  await assertHeading(page, heading);
  await checkPage(session, name);
}

/** On a reset's new-password page: sets `password` twice, and the reset is done. */
export async function setNewPassword(page, password) {
  await assertHeading(page, HEADINGS.newPassword);
  await page.getByLabel(LABELS.newPassword).fill(password);
  await page.getByLabel(LABELS.confirmPassword).fill(password);
  await press(page, BUTTONS.setPassword);
  await assertHeading(page, HEADINGS.resetDone);
}

/** Back on the methods page after adding one: checked as `name`, then registration ends. */
export async function finishRegistering(session, name) {
  await assertHeading(session.page, HEADINGS.methods);
  await checkPage(session, name);
  await press(session.page, BUTTONS.finish);
}

/** Asserts the page's one level-1 heading reads `expected` (typographic quotes allowed). */
/** Signs `u` in to registration with their directory password: the page of methods. */
export async function signInToRegister(session, u) {
  const { page } = session;
  await open(session, '/register');
  await page.getByLabel(LABELS.username).fill(u.username);
  await page.getByLabel(LABELS.password).fill(u.password);
  await press(page, BUTTONS.signIn);
  await assertHeading(page, HEADINGS.methods);
}

/** Begins a reset for `username`: the page that offers the ways to prove who you are. */
export async function startReset(session, username) {
  const { page } = session;
  await open(session, '/reset');
  await page.getByLabel(LABELS.username).fill(username);
  await press(page, BUTTONS.continue);
  await assertHeading(page, HEADINGS.choose);
}

export async function assertHeading(page, expected) {
  const h1 = page.getByRole('heading', { level: 1 });
  assert.equal(await h1.count(), 1, `one <h1> on ${page.url()}`);
  const text = plain(await h1.textContent());
  assert.equal(text, plain(expected), `the heading on ${page.url()}`);
}

/** Asserts the page shows an alert whose text matches `pattern`. */
export async function assertAlert(page, pattern) {
  const alerts = (await page.getByRole('alert').allTextContents()).map(plain);
  assert.ok(alerts.some((a) => pattern.test(a)), `an alert matching ${pattern} on ${page.url()}; alerts: ${JSON.stringify(alerts)}`);
}

function plain(text) {
  return (text || '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Everything a visited page gets: the axe check and the screenshots (with the reflow check). */
export async function checkPage(session, name) {
  await checkA11y(session, name);
  await shot(session.page, name);
}

/**
 * Runs axe-core on a copy of the page's current DOM (see the top of this file) and records
 * every violation with its rule, help text, and each offending element's selector and HTML.
 */
export async function checkA11y(session, label, { html, url } = {}) {
  const { page, checker, mirror } = session;
  // `html` and `url`: a page the browser only passed through (one that moves on by itself).
  mirror.html = html ?? (await page.content());
  await checker.setViewportSize(page.viewportSize() || DESKTOP);
  await checker.goto(url ?? page.url(), { waitUntil: 'load' });
  const violations = await checker.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  for (const v of violations) {
    const nodes = v.nodes
      .map((n) => `${n.target}\n    ${n.html.replace(/\s+/g, ' ').slice(0, 300)}\n    ${(n.summary || '').replace(/\n\s*/g, ' ')}`)
      .join('\n');
    problem(label, `axe ${v.id} (${v.impact}): ${v.help}\n${v.helpUrl}\n${nodes}`);
  }
}

/**
 * Writes `<name>-desktop.png` (1280 wide) and `<name>-phone.png` (375 wide), full page, to
 * SCREENSHOT_DIR, and records a problem if the page scrolls sideways at phone width or at
 * 320 px. The viewport is back at desktop size afterwards.
 */
export async function shot(page, name) {
  mkdirSync(env.screenshotDir, { recursive: true });
  try {
    await page.screenshot({ path: path.join(env.screenshotDir, `${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(env.screenshotDir, `${name}-phone.png`), fullPage: true });
    const atPhone = await sidewaysScroll(page);
    await page.setViewportSize(NARROWEST);
    const atNarrowest = await sidewaysScroll(page);
    const overflow = atPhone || atNarrowest;
    if (overflow) {
      const widths = [atPhone && PHONE.width, atNarrowest && NARROWEST.width].filter(Boolean).join(' and ');
      problem(
        name,
        `scrolls sideways at ${widths} px wide: at ${overflow.width} px the content is ${overflow.scrollWidth} px wide; ` +
          `the elements sticking out:\n${overflow.wide.join('\n')}`,
      );
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

/**
 * null if the page fits the viewport's width, else how wide it is and what sticks out: the
 * innermost elements whose box, or whose own text (a long word in a heading), goes past the
 * right edge.
 */
function sidewaysScroll(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const past = (rect) => rect.width > 0 && rect.right > width + 0.5;
    const culprits = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (past(rect)) culprits.set(node.parentElement, rect.right);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      const inner = [...el.children].some((c) => past(c.getBoundingClientRect()));
      if (past(rect) && !inner && !culprits.has(el)) culprits.set(el, rect.right);
    }
    const wide = [...culprits]
      .slice(0, 6)
      .map(([el, right]) => `${el.outerHTML.replace(/\s+/g, ' ').slice(0, 160)} (reaches ${Math.round(right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

// ---------------------------------------------------------------------------------------------
// The keyboard

/** What has focus, for messages: tag and accessible label (aria-label, <label>, or text). */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(the page itself)';
    const labelledBy = el.getAttribute('aria-labelledby');
    const label =
      el.getAttribute('aria-label') ||
      (labelledBy && document.getElementById(labelledBy)?.textContent) ||
      el.labels?.[0]?.textContent ||
      el.textContent ||
      el.getAttribute('name') ||
      '';
    return `<${el.tagName.toLowerCase()}> "${label.replace(/\s+/g, ' ').trim()}"`;
  });
}

/** Records a problem unless the focused element draws an outline. */
async function expectVisibleFocus(page, where) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth };
  });
  if (style && (style.style === 'none' || style.width === '0px')) {
    problem(where, `focus is not visible on ${await describeFocus(page)}: outline ${style.style} ${style.width}`);
  }
}

/**
 * Presses Tab (at most `max` times) until `target` has focus, checking on every stop that the
 * focus can be seen. Fails naming where the focus went instead.
 */
export async function tabTo(page, target, what, max = 20) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const where = `${new URL(page.url()).pathname} (Tab to ${what})`;
    await expectVisibleFocus(page, where);
    if (await target.evaluate((el) => el === document.activeElement)) return;
    stops.push(await describeFocus(page));
  }
  assert.fail(`${what} did not get focus after ${max} Tab(s) on ${page.url()}; focus went to: ${stops.join(' → ')}`);
}

// ---------------------------------------------------------------------------------------------
// The test's control server

async function control(pathAndQuery) {
  assert.ok(env.controlUrl, 'CONTROL_URL is set');
  const res = await fetch(env.controlUrl + pathAndQuery);
  const body = await res.text();
  assert.equal(res.status, 200, `control server ${pathAndQuery.split('?')[0]}: ${body}`);
  return JSON.parse(body);
}

/**
 * The code in the newest mail to `address` that no earlier call has returned (the first run of
 * digits in its text), waiting a few seconds for it to arrive.
 */
export async function mailedCode(address) {
  const { code } = await control(`/mail/code?to=${encodeURIComponent(address)}`);
  assert.match(code, /^\d+$/);
  return code;
}

/** The newest mail to `address`, {subject, text}, waiting a few seconds for one to arrive. */
export async function latestMail(address) {
  return control(`/mail/latest?to=${encodeURIComponent(address)}`);
}

/** The code in the newest text message that no earlier call has returned, waiting for it. */
export async function textedCode() {
  const { code } = await control('/sms/code');
  assert.match(code, /^\d+$/);
  return code;
}

/** A current authenticator code for a user whose seed the test registered. */
export async function totpCode(username) {
  const { code } = await control(`/totp?user=${encodeURIComponent(username)}`);
  return code;
}

/** Signs `username` in at the identity provider double: its authorize step sends them back. */
export async function idpSignIn(username) {
  await control(`/idp/sign-in?user=${encodeURIComponent(username)}`);
}

/** A code of the same length that is certainly not `code`. */
export function wrongCode(code) {
  return [...code].map((d) => String((Number(d) + 5) % 10)).join('');
}

/** The test user with role `role`; fails clearly when the test did not make one. */
export function user(role) {
  const u = env.users[role];
  assert.ok(u, `the test passed a user "${role}" in USERS`);
  return u;
}

/** Enter on whatever has focus, waiting for the page it leads to. */
export function enter(page) {
  return navigates(page, () => page.keyboard.press('Enter'));
}
