// How long the app's interactions keep the browser busy, measured in
// headless Chromium on the release bundle: switching views from the
// header's links and the overview's cards, and switching outlets and the
// differences filter in the side by side, each with a real mouse click.
// Run by `cargo xtask bench-ui` (after a release build).
//
// For each interaction it prints the median over repeated runs of:
//   work      from the start of the click's handling until the page is
//             re-rendered, restyled and laid out: the app's handlers and
//             render, the address change, focus, then the browser's style
//             and layout (forced at the end of the event's handling);
//   to paint  from the same start to just after the next frame is painted,
//             which also includes waiting for the display's next frame.
// A frame is 16.7 ms at 60 Hz. Long tasks (over 50 ms) are listed.
//
// Then a reader's story of 200 articles (the evaluation sets' texts,
// imported as one library export) opened in the side by side: the time
// until the worker's progress shows, until the first view of the story is
// on screen (the analysis done in the worker), until its side by side is
// fully built, and the page's long tasks meanwhile.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, launch, newPage, root, DESKTOP, PHONE } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const server = await serveStatic();
const browser = await launch();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function session(device, label) {
  const page = await newPage(browser, device);
  await page.goto(server.url);
  await page.locator('.totals').waitFor();
  // Measured once the service worker has cached the bundle, the views
  // built ahead are in and the page is idle.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => new Promise((ok) => setTimeout(ok, 1500)))
    .then(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 3000 }))));
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
      .observe({ type: 'longtask' });
    // The first listener of a click (or a focus): the start; the last
    // listeners of it and of the change it may cause: the end, once laid out.
    const begin = (type, last = type) => () => {
      const m = { start: performance.now(), end: 0, paint: 0 };
      window[`__${type}`] = m;
      const end = () => { void document.documentElement.offsetHeight; m.end = performance.now(); };
      addEventListener(last, end, { once: true });
      addEventListener('change', end, { once: true });
      requestAnimationFrame(() => setTimeout(() => {
        m.paint = performance.now();
        removeEventListener('change', end);
      }, 0));
    };
    addEventListener('click', begin('click'), true);
    // Focus: from the first \`focus\` listener to the last \`focusin\` one,
    // which the browser dispatches after it.
    addEventListener('focus', begin('focus', 'focusin'), true);
  });
  const settle = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 30)))));
  /** Clicks what `selector` finds (a real mouse click) and returns the
   * times of the click's handling, or of the focus it gives. */
  async function measure(selector, of = 'click') {
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    const box = await page.locator(selector).first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await settle();
    await page.mouse.down();
    await page.mouse.up();
    await settle();
    const m = await page.evaluate((of) => window[`__${of}`], of);
    return { work: m.end - m.start, paint: m.paint - m.start };
  }
  const rows = [];
  const record = (name, runs) => {
    rows.push(`${label.padEnd(8)} ${name.padEnd(32)} work ${median(runs.map((r) => r.work)).toFixed(1).padStart(5)} ms`
      + `   to paint ${median(runs.map((r) => r.paint)).toFixed(1).padStart(5)} ms`
      + `   (work: fastest ${Math.min(...runs.map((r) => r.work)).toFixed(1)}, slowest ${Math.max(...runs.map((r) => r.work)).toFixed(1)})`);
  };
  const nav = (href) => `.main-nav a[href="${href}"]`;
  const views = [['#/compare', 'side by side'], ['#/figures', 'figures'], ['#/framing', 'framing'], ['#/', 'overview']];
  const runs = Object.fromEntries(views.map(([h]) => [h, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [h] of views) runs[h].push(await measure(nav(h)));
  }
  for (const [h, name] of views) record(`view: ${name}`, runs[h]);
  // Reader to reader, from the overview's cards.
  const reader = [];
  for (let i = 0; i < RUNS; i++) {
    await measure(nav('#/'));
    reader.push(await measure('.view:not([hidden]) .cards a[href="#/read/004"]'));
  }
  record('view: reader (from a card)', reader);
  await measure(nav('#/compare'));
  const outlets = [];
  for (let i = 0; i < RUNS * 2; i++) outlets.push(await measure('.view:not([hidden]) label:has(input[data-outlet="003"])'));
  record('outlets: 003 on / off', outlets);
  const diff = [];
  for (let i = 0; i < RUNS; i++) diff.push(await measure('.view:not([hidden]) label:has(#differences-only)'));
  record('side by side: differences only', diff);
  const marks = [];
  for (let i = 0; i < RUNS; i++) {
    marks.push(await measure(`.view:not([hidden]) .cell mark.fig >> nth=${i % 2 ? 0 : 1}`, 'focus'));
  }
  record('focusing a figure (a click)', marks);
  const long = await page.evaluate(() => window.__tasks);
  rows.push(`${label.padEnd(8)} long tasks (over 50 ms) during all this: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') : 'none'}`);
  await page.context().close();
  return rows;
}

/** The evaluation sets' texts, cycled to `n` articles (each made distinct,
 * as a story keeps one copy of a text), as a library export. */
async function bigStory(n) {
  const data = join(root, 'crates/core/tests/data');
  const texts = [];
  for (const dir of ['news', ...(await readdir(join(data, 'stories'))).filter((d) => /^[tm]\d/.test(d)).map((d) => `stories/${d}`)]) {
    for (const f of (await readdir(join(data, dir))).filter((f) => f.endsWith('.txt')).sort()) {
      texts.push(await readFile(join(data, dir, f), 'utf8'));
    }
  }
  const articles = Array.from({ length: n }, (_, i) => ({
    name: `articolo-${i + 1}.txt`,
    text: `${texts[i % texts.length]}\n(copia ${i + 1})\n`,
    meta: { outlet: `Testata ${(i % 40) + 1}`, date: '2026-03-14' },
    inferred: [],
  }));
  return JSON.stringify({ format: 'synoptic-library', version: 1, stories: [{ schema: 1, id: 'grande', name: 'Storia grande', articles }] });
}

async function largeStory(device, label, n) {
  const page = await newPage(browser, device);
  await page.goto(`${server.url}#/library`);
  await page.locator('#import-library').waitFor();
  const file = await bigStory(n);
  await page.setInputFiles('#import-library', { name: 'grande.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('.story-item[data-story="grande"]').waitFor();
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  const t0 = await page.evaluate(() => { location.hash = '#/s/grande/compare'; return performance.now(); });
  await page.locator('#analysis-progress').waitFor({ state: 'attached' });
  const progress = await page.evaluate(() => performance.now());
  await page.locator('main > .view:not([hidden]) .sbs-rows').waitFor({ state: 'attached' });
  const first = await page.evaluate(() => performance.now());
  await page.locator('main > .view:not([hidden]) .sbs-rows[aria-busy="false"]').waitFor({ timeout: 120000 });
  const built = await page.evaluate(() => performance.now());
  const long = await page.evaluate(() => window.__tasks);
  await page.context().close();
  return [
    `${label.padEnd(8)} a story of ${n} articles (${(file.length / 1e6).toFixed(1)} MB), side by side: progress shown ${(progress - t0).toFixed(0)} ms, `
      + `analysed in the worker and first view on screen ${(first - t0).toFixed(0)} ms, every row built ${(built - t0).toFixed(0)} ms`,
    `${label.padEnd(8)} long tasks (over 50 ms) on the page meanwhile: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') : 'none'}`,
  ];
}

console.log(`${RUNS} runs each, medians`);
for (const line of await session(DESKTOP, 'desktop')) console.log(line);
for (const line of await session(PHONE, 'phone')) console.log(line);
for (const line of await largeStory(DESKTOP, 'desktop', 200)) console.log(line);
await browser.close();
await server.close();
