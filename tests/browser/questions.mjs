// Security questions in a real browser, every page checked by axe and screenshotted, error
// states included: register three questions (first with answers that are refused), then reset
// a password by answering two of them (first wrongly), in the language PAGE_LANG.
//
//   questions  has nothing registered; `answers` maps each question's words (in PAGE_LANG) to
//              the answer to give; resets to `newPassword`

import assert from 'node:assert/strict';

import { BUTTONS, assertAlert, assertHeading, checkPage, finishRegistering, navigates, press, resetWith, run, setNewPassword, signInToRegister, t, user } from './lib.mjs';

await run('questions', async (session) => {
  const { page } = session;
  const u = user('questions');
  const questions = Object.keys(u.answers);

  await signInToRegister(session, u);
  await navigates(page, () => page.getByRole('link', { name: t('methods-add-questions-button'), exact: true }).click());
  await assertHeading(page, t('questions-register-title'));
  await checkPage(session, 'questions-register');

  // Each question is a group (fieldset "Question n") with its own question and answer fields.
  const fill = async (answerOf) => {
    for (let i = 0; i < questions.length; i++) {
      const group = page.getByRole('group').nth(i);
      await group.getByLabel(t('questions-field-question'), { exact: true }).selectOption({ label: questions[i] });
      await group.getByLabel(t('questions-field-answer'), { exact: true }).fill(answerOf(questions[i], i));
    }
    await press(page, t('questions-save'));
  };
  // Too short, then the same answer twice: refused, each reason next to its field.
  await fill((q, i) => (i === 0 ? 'ab' : i === 1 ? u.answers[questions[2]] : u.answers[q]));
  await assertHeading(page, t('questions-register-title'));
  await assertAlert(page, new RegExp(t('questions-fix-below').slice(0, 20)));
  const invalid = await page.locator('[aria-invalid="true"]').count();
  assert.equal(invalid, 2, 'the two refused answers are marked');
  await checkPage(session, 'questions-register-refused');
  await fill((q) => u.answers[q]);
  await finishRegistering(session, 'questions-registered');

  // Reset by answering: wrong first, then right.
  const answerPage = { role: 'link', choice: 'choose-questions', heading: t('questions-answer-title'), name: 'questions-answer' };
  await resetWith(session, u.username, answerPage);
  const asked = [];
  for (const q of questions) {
    if ((await page.getByLabel(q, { exact: true }).count()) > 0) asked.push(q);
  }
  assert.equal(asked.length, 2, `two of the three questions are asked: ${asked}`);
  for (const q of asked) await page.getByLabel(q, { exact: true }).fill('not the answer at all');
  await press(page, BUTTONS.continue);
  await assertHeading(page, t('questions-answer-title'));
  await page.getByRole('alert').waitFor();
  await checkPage(session, 'questions-answer-wrong');
  // Capitals and spaces do not matter.
  for (const q of asked) await page.getByLabel(q, { exact: true }).fill(`  ${u.answers[q].toUpperCase()} `);
  await press(page, BUTTONS.continue);
  await setNewPassword(page, u.newPassword);
});
