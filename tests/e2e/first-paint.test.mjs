// The first paint: the release page carries the story overview prerendered
// in each interface language, shows the one the app will use before the
// WebAssembly has loaded, and the app takes its place without moving
// anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, newPage, PHONE, DESKTOP } from './harness.mjs';

const env = servedBrowser();

/** A page whose WebAssembly is held back until `release()` (or never). */
async function heldPage(options) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\.wasm$/, async (route) => {
    if (await held) await route.continue();
    else await route.abort();
  });
  return { page, context, release: () => release(true), block: () => release(false) };
}

const visibleVariant = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.prerender-lang')]
    .filter((el) => el.querySelector('h1')?.checkVisibility())
    .map((el) => el.lang));

for (const [locale, lang, title] of [
  ['it-IT', 'it', /La storia, testata per testata/],
  ['en-US', 'en', /The story, outlet by outlet/],
]) {
  test(`before the app loads, the overview shows in the reader's language (${locale})`, async () => {
    const { page, context, block } = await heldPage({ ...PHONE, locale });
    block();
    await page.goto(env.server.url);
    assert.deepEqual(await visibleVariant(page), [lang]);
    assert.match(await page.locator('h1:visible').innerText(), title);
    assert.equal(await page.locator('.card:visible').count(), 3);
    // Links work as in the app (hash routes), and ids are unique in the page.
    const hrefs = await page.locator('.prerender-lang:visible a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 5);
    for (const href of hrefs) assert.match(href, /^(#\/|#pre-|https?:)/, href);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    await context.close();
  });
}

test('a deep link shows no overview while the app loads', async () => {
  const { page, context, block } = await heldPage(DESKTOP);
  block();
  await page.goto(`${env.server.url}#/figures`);
  assert.deepEqual(await visibleVariant(page), []);
  await context.close();
});

test('the prerendered language switch works before the app loads', async () => {
  const { page, context, block } = await heldPage({ ...DESKTOP, locale: 'it-IT' });
  block();
  await page.goto(env.server.url);
  await page.locator('.prerender-lang:visible .lang-switch button[lang="en"]').click();
  assert.deepEqual(await visibleVariant(page), ['en']);
  assert.equal(await page.evaluate(() => localStorage.getItem('synoptic.lang')), 'en');
  await context.close();
});

for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  test(`the app takes the place of the prerendered overview without moving it (${name})`, async () => {
    const { page, context, release } = await heldPage({ ...viewport, locale: 'en-US' });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(env.server.url);
    const boxes = () => page.evaluate(() => ['h1', '.card:nth-child(3)', '.site-footer']
      .map((sel) => [...document.querySelectorAll(sel)].find((el) => el.checkVisibility()))
      .map((el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }));
    const before = await boxes();
    await page.evaluate(() => {
      window.shifts = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    release();
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.deepEqual(await boxes(), before);
    assert.equal(await page.evaluate(() => window.shifts), 0, 'layout shift');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('the WebAssembly is fetched after the first frame, not alongside the stylesheet', async () => {
  const html = await (await fetch(env.server.url)).text();
  assert.doesNotMatch(html, /rel="preload"[^>]*\.wasm/);
  const context = await env.browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.addInitScript(() => {
    requestAnimationFrame((t) => { window.firstFrame = t; });
  });
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  const t = await page.evaluate(() => {
    const [css] = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.css'));
    const [wasm] = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
    return { cssEnd: css.responseEnd, frame: window.firstFrame, wasm: wasm.startTime };
  });
  assert.ok(t.wasm >= t.cssEnd, `wasm requested at ${t.wasm} ms, stylesheet done at ${t.cssEnd} ms`);
  assert.ok(t.wasm >= t.frame, `wasm requested at ${t.wasm} ms, first frame at ${t.frame} ms`);
  await context.close();
});

/** Records the page's long tasks (over 50 ms) from its start. */
const watchLongTasks = (page) => page.addInitScript(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
});
const longTasks = (page) => page.evaluate(() => window.longTasks.map((d) => `${d} ms`).join(', ') || 'none');

/** The overview's verdict totals, once the app is on screen. */
const totals = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('.total[data-verdict]')].map((t) => [t.dataset.verdict, Number(t.querySelector('.total-n').textContent)]),
));

test('the embedded story comes analysed with the page: one module, no worker, no analysis code', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await watchLongTasks(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  // Printed, not asserted: what still blocks the page at start-up.
  console.log(`start-up long tasks: ${await longTasks(page)}`);
  const wasm = fetched.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1, wasm.join(', '));
  assert.ok(!fetched.some((u) => /synoptic-worker-|analysis-/.test(u)), fetched.join(', '));
  assert.deepEqual(workers, []);
  const t = await totals(page);
  assert.equal(t.same, 1);
  assert.equal(t.compatible, 2);
  await page.goto(`${env.server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('where workers are unavailable, the embedded story works all the same', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.addInitScript(() => { delete window.Worker; });
  await page.goto(env.server.url);
  const t = await totals(page);
  assert.equal(t.same, 1);
  assert.equal(t.compatible, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
