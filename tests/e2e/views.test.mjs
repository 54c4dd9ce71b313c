// The comparison views in a real browser: overview totals, side by side,
// figures table with exports, reader with highlights and margin notes,
// sources and framing; deep links, keyboard, language, accessibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { servedBrowser, newPage, screenshot, reveal, PHONE, DESKTOP } from './harness.mjs';

const env = servedBrowser();

/** axe-core on the current page: no serious or critical violation. */
async function assertAccessible(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
    [],
    `${name}: accessibility violations`,
  );
}

test('overview shows the verdict totals and leads to every view', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(env.server.url);
  await page.view.locator('.totals').waitFor();
  const n = async (v) => Number(await page.view.locator(`.total[data-verdict="${v}"] .total-n`).innerText());
  assert.equal(await n('same'), 1);
  assert.equal(await n('compatible'), 2);
  assert.ok((await n('only_here')) > 5);
  assert.ok(await page.view.locator('.card .minimap').first().isVisible());
  await assertAccessible(page, 'overview');
  await page.view.locator('.view-cards').getByRole('link', { name: 'Fianco a fianco' }).click();
  await page.waitForURL('**/#/compare');
  assert.ok(await page.view.getByRole('heading', { level: 1, name: 'Fianco a fianco' }).isVisible());
  assert.deepEqual(page.errors, []);
});

test('a view is built ahead when its link is pointed at, stays once built, and a switch shows it again', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(env.server.url);
  await page.view.locator('.totals').waitFor();
  assert.equal(await page.locator('main > .view').count(), 1);
  // Pointing at a link builds its view ahead, hidden, before the click.
  const link = page.locator('.main-nav').getByRole('link', { name: 'Fianco a fianco' });
  await link.hover();
  await page.locator('main > .view[data-view="compare"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('main > .view:not([hidden])').count(), 1);
  // Hidden views are not shown, not focusable and not read out.
  const hidden = page.locator('main > .view[data-view="compare"]');
  assert.equal(await hidden.evaluate((el) => el.querySelector('.sbs-row').checkVisibility()), false);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Fianco a fianco' }).count(), 0);
  // A switch shows the view built ahead (the same elements), with its
  // heading focused for screen readers.
  const row = await hidden.locator('.sbs-row').first().elementHandle();
  await link.click();
  await page.waitForURL('**/#/compare');
  assert.equal(await row.evaluate((el) => el.isConnected && el.checkVisibility()), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compare-title');
  // And back: the overview is shown again, the side by side kept, hidden.
  await page.locator('.main-nav').getByRole('link', { name: 'Panoramica' }).click();
  await page.waitForURL(/#\/$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'overview-title');
  assert.equal(await row.evaluate((el) => el.isConnected && !el.checkVisibility()), true);
  assert.deepEqual(page.errors, []);
});

test('side by side: the trade figures are compatible and light up each other', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  const mark004 = page.view.locator('.cell[data-outlet="004"] mark.fig', { hasText: '227,9' });
  const mark000 = page.view.locator('.cell[data-outlet="000"] mark.fig', { hasText: '200 miliardi di dollari' });
  await reveal(mark004);
  assert.ok(await mark004.isVisible());
  assert.match(await mark004.getAttribute('class'), /v-compatible/);
  assert.match(await mark000.getAttribute('class'), /v-compatible/);
  // The second cue: an icon beside the colour, and a word for screen readers.
  assert.equal((await mark004.locator('.vicon').innerText()).trim(), '≈');
  assert.match(await mark004.locator('.visually-hidden').innerText(), /compatibile/);
  const q = await mark004.getAttribute('data-q');
  assert.equal(await mark000.getAttribute('data-q'), q);
  await mark004.focus();
  assert.match(await mark000.getAttribute('class'), /active/);
  const inspector = page.view.locator('.inspector');
  assert.match(await inspector.innerText(), /compatibile/);
  // Why the two are one quantity, apart from what differs.
  assert.match(await inspector.locator('.inspector-identity').innerText(), /Perché è la stessa quantità: identità \d+% \(/);
  assert.match(await inspector.innerText(), /004 è più preciso/);
  assert.match(await inspector.innerText(), /fonte citata: Ministero degli Esteri russo \(000\) contro Ministero del Commercio cinese \(004\)/);
  // Omissions are explicit cells.
  const meetings = page.view.locator('.sbs-row:not([hidden])', { hasText: 'oltre quaranta volte' });
  await reveal(meetings);
  assert.ok(await meetings.locator('.cell[data-outlet="000"] .not-mentioned').isVisible());
  assert.match(await meetings.locator('.cell[data-outlet="003"] mark.fig').first().getAttribute('class'), /v-compatible/);
  await screenshot(page, 'compare-desktop');
  await assertAccessible(page, 'side by side');
  assert.deepEqual(page.errors, []);
});

test('side by side: statements only one outlet makes flow in its column', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await newPage(env.browser, viewport);
    await page.goto(`${env.server.url}#/compare`);
    await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
    const shown = await page.view.locator('.sbs-row:not([hidden])').evaluateAll((els) => els.map((el) => ({
      run: el.classList.contains('sbs-run'),
      solo: el.classList.contains('v-only_here'),
      sentences: el.querySelectorAll('.cell-text').length,
      blanks: el.querySelectorAll('.not-mentioned').length,
    })));
    // Runs exist, each holds several statements, and no two rows of one
    // outlet's statements stand one after the other.
    const runs = shown.filter((r) => r.run);
    assert.ok(runs.length > 0, 'runs of one-outlet statements');
    assert.ok(runs.every((r) => r.sentences >= 2), JSON.stringify(runs));
    for (let k = 1; k < shown.length; k++) {
      assert.ok(!(shown[k].solo && shown[k - 1].solo), `rows ${k - 1} and ${k} are both one outlet's`);
    }
    // Fewer rows than statement groups shown, and fewer "not mentioned".
    const groups = shown.reduce((n, r) => n + (r.run ? 0 : 1), 0) + runs.reduce((n, r) => n + r.sentences, 0);
    assert.ok(shown.length < groups, `${shown.length} rows for ${groups} statements`);
    const run = page.view.locator('.sbs-row.sbs-run:not([hidden])').first();
    await reveal(run);
    assert.match(await run.locator('.sbs-topic').innerText(), /detto da una sola testata/i);
    await screenshot(page, `compare-runs-${viewport === PHONE ? 'phone' : 'desktop'}`);
    await assertAccessible(page, 'side by side with runs');
    assert.deepEqual(page.errors, []);
  }
});

test('side by side: outlets, differences only, deep link and keyboard', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  const all = await page.view.locator('.sbs-row:not([hidden])').count();
  // Speed is measured by `cargo xtask bench-ui`, not timed here.
  await page.view.locator('input[data-outlet="003"]').click();
  await page.waitForURL('**/#/compare/000~004');
  assert.equal(await page.view.locator('.sbs-head .sbs-col-head').count(), 2);
  // The two outlets are two columns: the grid counts the cells shown.
  const cells = await page.view.locator('.sbs-row:not([hidden])').first().locator('.cell:visible').evaluateAll(
    (els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, right: r.right })),
  );
  assert.equal(cells.length, 2);
  assert.equal(cells[0].top, cells[1].top, 'side by side');
  assert.ok(cells[1].left >= cells[0].right, 'side by side');
  assert.ok(cells[1].right - cells[0].left > 600, 'the two columns fill the width');
  // The explanations speak of the outlets shown only.
  const whys = await page.view.locator('.sbs-row:not([hidden]) .sbs-why').allTextContents();
  assert.ok(whys.length > 0);
  assert.deepEqual(whys.filter((w) => w.includes('003')), []);
  await page.view.locator('#differences-only').check();
  await page.waitForURL('**/#/compare/000~004?diff=1');
  const diff = await page.view.locator('.sbs-row:not([hidden])').count();
  assert.ok(diff < all, `${diff} < ${all}`);
  assert.equal(await page.view.locator('.sbs-row.v-same:not([hidden])').count(), 0);
  await page.reload();
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.equal(await page.view.locator('#differences-only').isChecked(), true);
  assert.equal(await page.view.locator('.sbs-head .sbs-col-head').count(), 2);
  // Keyboard: j moves to the next row shown, k back.
  const rows = await page.view.locator('.sbs-row:not([hidden])').evaluateAll((els) => els.map((el) => el.id));
  await page.view.locator(`#${rows[0]}`).focus();
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.id), rows[1]);
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.activeElement?.id), rows[0]);
  assert.deepEqual(page.errors, []);
});

test('side by side on a phone stacks the columns', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.goto(`${env.server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  // A row that aligns outlets (a run of one outlet's statements shows
  // that outlet's cell only).
  const cells = page.view.locator('.sbs-row:not([hidden]):not(.sbs-run)').first().locator('.cell');
  const boxes = await Promise.all([0, 1].map((i) => cells.nth(i).boundingBox()));
  assert.ok(boxes[1].y > boxes[0].y, 'stacked vertically');
  assert.ok(await cells.first().locator('.cell-outlet').isVisible(), 'each cell names its outlet');
  await screenshot(page, 'compare-phone');
  assert.deepEqual(page.errors, []);
});

test('figures table: sort, filter, and exports of exactly what is shown', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/figures`);
  await page.view.locator('.figures-table tbody[aria-busy="false"]').waitFor();
  const total = await page.view.locator('.figures-table tbody tr').count();
  const trade = page.view.locator('tr', { hasText: '227,9 miliardi di dollari' });
  assert.ok(await trade.getByText('compatibile').isVisible());
  assert.match(await trade.locator('td[data-outlet="000"]').innerText(), /200 miliardi di dollari \[over\] — Ministero degli Esteri russo/);
  await page.view.locator('#sort').selectOption('verdict');
  await page.waitForURL('**/#/figures?sort=verdict');
  assert.equal(await page.view.locator('.figures-table tbody tr').first().getAttribute('class'), 'v-compatible');
  await page.view.locator('#figures-differences-only').check();
  await page.waitForURL(/diff=1/);
  await page.view.locator('.figures-table tbody[aria-busy="false"]').waitFor();
  const shown = await page.view.locator('.figures-table tbody tr').count();
  assert.ok(shown < total);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.view.locator('#export-csv').click()]);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.equal(csv.trim().split('\n').length, shown + 1);
  assert.match(csv.split('\n')[0], /^quantity,measures,kind,verdict,000 \(Smettere di Lavorare\),003,004 \(CGTN\),explanation/);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.view.locator('#export-json').click()]);
  const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  assert.equal(json.rows.length, shown);
  assert.ok(json.rows.every((r) => r.verdict !== 'same'));
  // The same figures as W3C Web Annotations: each quote found again in the
  // text of the article it targets, as another annotation tool would.
  const [annoDownload] = await Promise.all([page.waitForEvent('download'), page.view.locator('#export-annotations').click()]);
  const anno = JSON.parse(await readFile(await annoDownload.path(), 'utf8'));
  assert.equal(anno['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(anno.type, 'AnnotationCollection');
  const cells = json.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.length, 0), 0);
  assert.equal(anno.first.items.length, cells);
  for (const item of anno.first.items) {
    const { exact, prefix, suffix, type } = item.target.selector;
    assert.equal(type, 'TextQuoteSelector');
    assert.ok(exact.length > 0 && prefix.length <= 32 && suffix.length <= 32);
    assert.equal(item.motivation, 'highlighting');
  }
  await page.view.locator('#kind').selectOption('amount');
  await page.waitForURL(/kind=amount/);
  await page.view.locator('.figures-table tbody[aria-busy="false"]').waitFor();
  const kinds = await page.view.locator('.figures-table tbody th .muted').allInnerTexts();
  assert.ok(kinds.length > 0 && kinds.every((k) => k.includes('amount')));
  await page.reload();
  await page.view.locator('.figures-table tbody[aria-busy="false"]').waitFor();
  assert.equal(await page.view.locator('#kind').inputValue(), 'amount');
  await screenshot(page, 'figures-desktop');
  await assertAccessible(page, 'figures table');
  assert.deepEqual(page.errors, []);
});

test('reader: highlights, margin notes, and the difference map leads to its sentence', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/read/004`);
  await page.view.locator('.article-body').waitFor();
  const mark = page.view.locator('.article-body mark.fig', { hasText: '227,9' });
  assert.match(await mark.getAttribute('class'), /v-compatible/);
  const note = page.view.locator('.margin-notes', { hasText: 'Ministero degli Esteri russo' });
  assert.ok(await note.first().isVisible(), 'the margin says what 000 states about the trade');
  const ticks = page.view.locator('.reader-side .minimap .tick a');
  assert.ok((await ticks.count()) > 10);
  await ticks.nth(5).click();
  await page.waitForURL(/#\/read\/004\?s=\d+/);
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  assert.match(focused, /^sent-\d+$/);
  await page.reload();
  await page.view.locator('.article-body').waitFor();
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^sent-\d+$/);
  await screenshot(page, 'reader-004-desktop');
  await assertAccessible(page, 'reader');
  assert.deepEqual(page.errors, []);
});

test('sources and framing: who cites whom, who hedges, opposed framing', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/framing`);
  await page.view.locator('.frame').first().waitFor();
  const alliance = page.view.locator('.frame[data-frame="framing: alleanza"]');
  assert.ok(await alliance.getByText('in conflitto').isVisible());
  assert.match(await alliance.locator('.cell[data-outlet="000"]').innerText(), /\+ afferma: alleanza/);
  assert.match(await alliance.locator('.cell[data-outlet="004"]').innerText(), /− nega: non alleanza/);
  const hostility = page.view.locator('.frame', { hasText: 'ostilita verso terzi' });
  assert.match(await hostility.locator('.cell[data-outlet="003"]').innerText(), /anti Usa/);
  const sources003 = page.view.locator('.outlet-col[data-outlet="003"] .sources');
  assert.match(await sources003.innerText(), /Wall Street Journal/);
  assert.ok(await page.view.locator('.hedged-list li', { hasText: 'avrebbe contribuito' }).isVisible());
  await screenshot(page, 'framing-desktop');
  await assertAccessible(page, 'framing');
  assert.deepEqual(page.errors, []);
});

test('views in English keep the articles in Italian', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.goto(`${env.server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  await page.getByRole('button', { name: 'EN' }).click();
  assert.ok(await page.view.getByRole('heading', { level: 1, name: 'Side by side' }).isVisible());
  assert.ok(await page.view.getByText('Differences only').isVisible());
  assert.equal(await page.view.locator('.cell-text').first().getAttribute('lang'), 'it');
  // Explanations follow the interface language.
  const meetings = page.view.locator('.sbs-row:not([hidden])', { hasText: 'oltre quaranta volte' });
  await reveal(meetings);
  assert.match(await meetings.locator('.sbs-why').innerText(), /same fact in different words/);
  await meetings.locator('.cell[data-outlet="003"] mark.fig').first().focus();
  assert.match(await page.view.locator('.inspector').innerText(), /period: none given \(003\), nell'ultimo decennio \(004\)/);
  await page.goto(`${env.server.url}#/figures`);
  await page.view.locator('.figures-table').waitFor();
  assert.ok(await page.view.getByRole('heading', { level: 1, name: 'Figures table' }).isVisible());
  await screenshot(page, 'figures-phone-en');
  await page.goto(`${env.server.url}#/framing`);
  await page.view.locator('.frame').first().waitFor();
  assert.ok(await page.view.getByText('asserts: alleanza').first().isVisible());
  assert.deepEqual(page.errors, []);
});
