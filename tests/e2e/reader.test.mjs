// Overview → reader for every article, deep links that survive a reload, the
// chrome kept collapsed, the language switch remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, newPage, screenshot, PHONE, DESKTOP } from './harness.mjs';

const env = servedBrowser();

const ARTICLES = [
  {
    id: '000',
    outlet: 'Smettere di Lavorare',
    headline: 'Xi e Russia: un’alleanza per la giustizia internazionale',
    body: 'il commercio tra i due Paesi ha superato i',
    chrome: 'P.IVA 14920521003',
  },
  {
    id: '003',
    outlet: 'Testata non indicata',
    headline: 'Si rafforza l\'asse tra Russia e Cina (anti Usa)',
    body: 'Xi e Putin si sono incontrati di persona',
    chrome: 'date 2025-12-25',
  },
  {
    id: '004',
    outlet: 'CGTN',
    headline: 'CGTN: La diplomazia tra capi di Stato rafforza il crescente partenariato tra Cina e Russia',
    body: 'La Cina è rimasta il principale partner commerciale della Russia',
    chrome: 'cgtn@cgtn.com',
  },
];

/** The reader shows the body and keeps the chrome closed. */
async function assertReader(page, a) {
  const title = page.view.locator('h1');
  await title.waitFor();
  assert.equal((await title.innerText()).trim(), a.headline);
  const body = page.view.locator('.article-body');
  assert.ok(await body.getByText(a.body).first().isVisible(), `${a.id}: body sentence visible`);
  assert.equal(await body.getByText(a.chrome).count(), 0, `${a.id}: chrome not in the body`);
  const chrome = page.view.locator('details.chrome-panel');
  assert.equal(await chrome.getAttribute('open'), null, `${a.id}: chrome collapsed`);
  assert.equal(await chrome.getByText(a.chrome).isVisible(), false, `${a.id}: chrome text hidden`);
  assert.ok(await chrome.locator('summary').isVisible());
}

test('overview lists the three outlets with their facts', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(env.server.url);
  const cards = page.view.locator('li.card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 3);
  for (const a of ARTICLES) {
    const card = page.view.locator(`li.card[data-article="${a.id}"]`);
    assert.ok(await card.getByText(a.outlet, { exact: true }).isVisible(), a.outlet);
  }
  assert.ok(await page.view.getByText('Media statale').isVisible());
  assert.ok(await page.view.getByText('18 maggio 2026').isVisible());
  await screenshot(page, 'overview-desktop');
  assert.deepEqual(page.errors, []);
});

test('overview → reader for each article, and the deep link survives a reload', async () => {
  const page = await newPage(env.browser, DESKTOP);
  for (const a of ARTICLES) {
    await page.goto(env.server.url);
    await page.view.locator(`li.card[data-article="${a.id}"] a.button`).click();
    await page.waitForURL(`**/#/read/${a.id}`);
    await assertReader(page, a);
    await page.reload();
    await assertReader(page, a);
    await screenshot(page, `reader-${a.id}-desktop`);
  }
  // Opening the disclosure shows the chrome.
  await page.view.locator('details.chrome-panel summary').click();
  assert.ok(await page.view.locator('details.chrome-panel').getByText('cgtn@cgtn.com').isVisible());
  assert.deepEqual(page.errors, []);
});

test('a deep link opened cold from a static server works', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.goto(`${env.server.url}#/read/003`);
  await assertReader(page, ARTICLES[1]);
  assert.ok(await page.view.getByText('Il testo non ha un titolo prima del corpo', { exact: false }).isVisible());
  await screenshot(page, 'reader-003-phone');
  await page.goto(`${env.server.url}#/nowhere`);
  assert.ok(await page.view.getByRole('heading', { name: 'Pagina non trovata' }).isVisible());
  assert.deepEqual(page.errors, []);
});

test('language switch changes the interface, is remembered, leaves articles as written', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.goto(env.server.url);
  await page.view.locator('li.card').first().waitFor();
  await page.getByRole('button', { name: 'EN' }).click();
  assert.ok(await page.view.getByText('Outlet not named', { exact: true }).isVisible());
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.view.locator('li.card').first().waitFor();
  assert.ok(await page.view.getByText('The story, outlet by outlet').isVisible());
  assert.equal(
    await page.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed'),
    'true',
  );
  await screenshot(page, 'overview-phone-en');
  await page.goto(`${env.server.url}#/read/004`);
  await assertReader(page, ARTICLES[2]);
  assert.ok(await page.view.getByText('Page chrome').isVisible());
  assert.equal(await page.view.locator('.article-body').getAttribute('lang'), 'it');
  assert.deepEqual(page.errors, []);
});

test('keyboard: skip link and tab order reach the cards', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(env.server.url);
  await page.view.locator('li.card').first().waitFor();
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.ok(await skip.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  // Tabbing from main reaches the first card's title link, then Enter opens it.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('li.card')?.dataset.article);
  assert.equal(focused, '000');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/#/read/000');
  await assertReader(page, ARTICLES[0]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-title-000');
  assert.deepEqual(page.errors, []);
});
