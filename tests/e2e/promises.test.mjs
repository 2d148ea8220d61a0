// The library's small promises, as a reader meets them: a paste is kept
// as an entry (one per distinct paste, updated while it is edited), the
// story open before a reload is open after it, a removed entry comes back
// with Undo, and tags are found by their start and picked from the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, mounted, dropFiles, pasteFromClipboard, fixtures, storedRecords, corpusFiles } from './harness.mjs';

const SEED = 'interfax-2025-12-31-kallas.txt';
const rows = (page) => page.locator('nav[aria-label="Library"] li.entry-row');
const heading = (page, count) => page.locator('nav[aria-label="Library"] h2', { hasText: `Library (${count})` });
const current = (page) => page.locator('nav[aria-label="Library"] button.entry[aria-current="true"]');

const folio = useFolio();

/** Polls `read` until `check` holds of its value (or the time is up). */
async function eventually(read, check, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  let value;
  while (Date.now() < until) {
    value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: ${JSON.stringify(value)?.slice(0, 300)}`);
}

test('a paste is one library entry, edited in place, kept across a reload and shown again', async () => {
  const seed = await readFile(join(fixtures, SEED), 'utf8');
  const { context, page, errors } = await openFolio(folio.browser, folio.url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await pasteFromClipboard(page, seed);
  await page.locator('article h1', { hasText: 'Kallas urges' }).waitFor();
  await heading(page, 1).waitFor();
  await current(page).filter({ hasText: 'Kallas urges' }).waitFor();

  // Typing on is an edit of the same paste: still one entry, its text kept.
  await page.locator('#paste').press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nA last line typed by the reader.');
  await eventually(
    () => storedRecords(page),
    (records) => records.length === 1 && records[0].text.endsWith('A last line typed by the reader.'),
    'one stored record with the edited text',
  );
  assert.equal(await rows(page).count(), 1);

  // After a reload: the same one entry (the draft is not kept twice), open.
  await page.reload();
  await mounted(page);
  await heading(page, 1).waitFor();
  await current(page).filter({ hasText: 'Kallas urges' }).waitFor();
  await page.locator('article h1', { hasText: 'Kallas urges' }).waitFor();

  // Another text pasted over all of it is another story: a second entry.
  const other = (await corpusFiles(1))[0].bytes.toString('utf8');
  await page.locator('#paste').focus();
  await page.keyboard.press('Control+A');
  await pasteFromClipboard(page, other);
  await heading(page, 2).waitFor();
  assert.equal(await rows(page).filter({ hasText: 'Kallas urges' }).count(), 1);
  await eventually(() => storedRecords(page), (records) => records.length === 2, 'two stored records');
  // Emptying the area leaves both entries where they are.
  await page.locator('#paste').fill('');
  await page.reload();
  await mounted(page);
  await heading(page, 2).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the story open before a reload is open after it', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', await corpusFiles(3));
  await rows(page).nth(2).waitFor();
  await page.locator('.progress').waitFor({ state: 'detached' });
  const second = rows(page).nth(1).locator('button.entry');
  const title = await second.locator('.entry-title').innerText();
  await second.click();
  await page.locator('article h1', { hasText: title }).waitFor();
  await page.reload();
  await mounted(page);
  await current(page).filter({ hasText: title }).waitFor();
  await page.locator('article h1', { hasText: title }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a removed entry comes back with Undo, also after a reload', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', await corpusFiles(2));
  await rows(page).nth(1).waitFor();
  await page.locator('.progress').waitFor({ state: 'detached' });
  const title = await rows(page).first().locator('.entry-title').innerText();
  await rows(page).first().getByRole('button', { name: /^Remove / }).click();
  await heading(page, 1).waitFor();
  const note = page.locator('.notice.undo');
  assert.match(await note.innerText(), new RegExp(`Removed “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
  await eventually(() => storedRecords(page), (records) => records.length === 1, 'the removed record deleted');
  await note.getByRole('button', { name: 'Undo' }).click();
  await heading(page, 2).waitFor();
  await current(page).filter({ hasText: title }).waitFor();
  assert.equal(await note.count(), 0);
  await eventually(() => storedRecords(page), (records) => records.length === 2, 'the record kept again');
  await page.reload();
  await mounted(page);
  await heading(page, 2).waitFor();
  assert.equal(await rows(page).first().locator('.entry-title').innerText(), title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tag is found by its start, and a tag in the story filters the library', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [
    ...(await corpusFiles(3)),
    { name: SEED, bytes: await readFile(join(fixtures, SEED)) },
  ]);
  await rows(page).nth(3).waitFor();
  await page.fill('#library-filter', '#kal');
  assert.equal(await rows(page).count(), 1);
  await page.fill('#library-filter', '#allas');
  assert.equal(await rows(page).count(), 0);
  await page.fill('#library-filter', '');
  await rows(page).filter({ hasText: 'Kallas urges' }).locator('button.entry').click();
  await page.locator('.tags').getByRole('button', { name: 'kallas' }).click();
  assert.equal(await page.inputValue('#library-filter'), '#kallas');
  assert.equal(await rows(page).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the story comes first, and the paste area, the library and Share are one tap away', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await page.locator('article h1').waitFor();
  await page.locator('.progress').waitFor({ state: 'detached' });
  const inView = (locator) =>
    locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
  // The story is first; the bar stays at the top when the story is scrolled.
  const story = await page.locator('article h1').boundingBox();
  const paste = await page.locator('#paste').boundingBox();
  assert.ok(story.y < paste.y, 'the story comes before the paste area');
  const bar = page.getByRole('navigation', { name: 'Tools' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  assert.ok(await inView(bar), 'the bar is in view after scrolling');
  await bar.getByRole('link', { name: 'Library' }).tap();
  await page.waitForFunction(() => {
    const r = document.getElementById('library').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  await bar.getByRole('link', { name: 'Paste' }).tap();
  await page.waitForFunction(() => {
    const r = document.getElementById('paste').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  // Share from anywhere in the story: the panel and its "Copied" are in view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await bar.getByRole('button', { name: 'Share' }).tap();
  const status = page.locator('.share-panel .share-status');
  await status.filter({ hasText: 'Copied to the clipboard' }).waitFor();
  assert.ok(await inView(status), 'the share status is in view');
  assert.ok(await inView(page.locator('.share-panel').getByRole('button', { name: 'Close' })), 'the panel can be closed in view');
  // Fingers: every control is at least 44 px tall (coarse pointer).
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen is a coarse pointer');
  const short = await page.evaluate(() =>
    [...document.querySelectorAll('button, a.button, select')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ text: el.textContent.trim().slice(0, 30), height: el.getBoundingClientRect().height }))
      .filter((b) => b.height < 44),
  );
  assert.deepEqual(short, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Arabic and Hebrew stories read right to left with their dates read, and each story says its language', async () => {
  const stories = [
    {
      name: 'arabic.txt',
      lang: 'ar',
      dir: 'rtl',
      text: 'الرئيسية\nأخبار\n\nالمجلس البلدي يقرر إبقاء المكتبة العامة مفتوحة\n\n12 مارس 2025\n\nقرر المجلس البلدي يوم الثلاثاء إبقاء المكتبة العامة مفتوحة، بعد عام من احتجاجات القراء والعاملين فيها، وتمويلها من ميزانية الثقافة في المدينة.\n\nوقال رئيس المجلس إن المكتبة جزء من حياة المدينة منذ أكثر من مئة عام، وإن إغلاقها كان سيحرم آلاف الطلاب من مكان للقراءة والدراسة.\n\nوأضاف أن المجلس سيدرس في الشهر المقبل خطة لتوسيع ساعات العمل في المساء وأيام العطل، استجابة لطلبات السكان.\n',
    },
    {
      name: 'hebrew.txt',
      lang: 'he',
      dir: 'rtl',
      text: 'ראשי\nחדשות\n\nמועצת העיר החליטה להשאיר את הספרייה העירונית פתוחה\n\n12 במרץ 2025\n\nמועצת העיר החליטה ביום שלישי להשאיר את הספרייה העירונית פתוחה, אחרי שנה של מחאות של קוראים ועובדים, ולממן אותה מתקציב התרבות של העיר.\n\nראש המועצה אמר כי הספרייה היא חלק מחיי העיר כבר יותר ממאה שנה, וכי סגירתה הייתה מונעת מאלפי תלמידים מקום לקרוא וללמוד.\n\nהוא הוסיף כי המועצה תבחן בחודש הבא תוכנית להרחבת שעות הפתיחה בערבים ובחגים, בעקבות בקשות התושבים.\n',
    },
    {
      name: 'german.txt',
      lang: 'de',
      dir: 'ltr',
      text: 'Startseite\nNachrichten\n\nStadtrat beschließt: Die Bibliothek bleibt geöffnet\n\n12.03.2025\n\nDer Stadtrat hat am Dienstag beschlossen, die Stadtbibliothek geöffnet zu lassen, nachdem Leserinnen und Mitarbeiter ein Jahr lang dagegen protestiert hatten, und sie aus dem Kulturhaushalt der Stadt zu bezahlen.\n\nDer Bürgermeister sagte, die Bibliothek gehöre seit mehr als hundert Jahren zum Leben der Stadt, und ihre Schließung hätte Tausenden von Schülern einen Ort zum Lesen und Lernen genommen.\n\nIm nächsten Monat will der Rat einen Plan prüfen, die Öffnungszeiten am Abend und an Feiertagen zu verlängern.\n',
    },
  ];
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', stories.map((s) => ({ name: s.name, bytes: Buffer.from(s.text, 'utf8') })));
  await rows(page).nth(2).waitFor();
  for (const story of stories) {
    await rows(page).filter({ hasText: story.text.split('\n')[3] }).locator('button.entry').click();
    const article = page.locator('article.story');
    await article.locator('h1', { hasText: story.text.split('\n')[3] }).waitFor();
    assert.equal(await article.getAttribute('lang'), story.lang, story.name);
    const paragraph = article.locator('.story-body p').first();
    assert.equal(await paragraph.evaluate((p) => getComputedStyle(p).direction), story.dir, story.name);
    // The date line is read as the story's date, in the header, not left in the body.
    const dateLine = story.text.split('\n')[5];
    assert.equal(await article.locator('header time').first().innerText(), dateLine, story.name);
    assert.equal(await article.locator('.story-body', { hasText: dateLine }).count(), 0, story.name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
