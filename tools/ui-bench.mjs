// How long the app's interactions keep the browser busy, measured on the
// release bundle in each browser engine on the machine — Chromium, Firefox
// ESR and WebKit (WebKitGTK), driven through WebDriver like the browser
// scenarios (tests/engines/webdriver.mjs): switching views from the header's
// links and the overview's cards, switching outlets and the differences
// filter in the side by side, focusing a figure, each with a real mouse
// click (WebDriver's pointer actions). Run by `cargo xtask bench-ui` (after
// a release build); `ENGINES=firefox,webkit` picks some, `RUNS` sets the
// repetitions (default 15).
//
// For each interaction it prints, engine beside engine, the median over
// the runs of:
//   work      from the start of the click's handling until the page is
//             re-rendered, restyled and laid out: the app's handlers and
//             render, the address change, focus, then the browser's style
//             and layout (forced at the end of the event's handling);
//   to paint  from the same start to just after the next frame is painted,
//             which also includes waiting for the display's next frame.
// A frame is 16.7 ms at 60 Hz. Long tasks (over 50 ms) are listed where the
// engine reports them (Chromium's Long Tasks API; Firefox and WebKit have
// none: "not reported").
//
// Then a reader's story of 200 articles (the evaluation sets' texts,
// imported as one library export) opened in the side by side: the time
// until the worker's progress shows, until the first view of the story is
// on screen (the analysis done in the worker), until its side by side is
// fully built.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, root } from '../tests/e2e/harness.mjs';
import { available, open, stopDisplay, DESKTOP, PHONE } from '../tests/engines/webdriver.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const only = process.env.ENGINES?.split(',').filter(Boolean);
const { ok, missing } = available();
// The three engines (not their variants, such as a private window).
const engines = only ? ok.filter((e) => only.includes(e)) : ok.filter((e) => !e.includes('-'));
for (const m of missing) console.log(`engine not on this machine: ${m}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Instruments the page: the start of a click's (or a focus') handling, its
 * end once laid out, the next paint; long tasks where the engine has them. */
function instrument() {
  window.__tasks = null;
  if ((PerformanceObserver.supportedEntryTypes ?? []).includes('longtask')) {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
      .observe({ type: 'longtask' });
  }
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
  // Focus: from the first `focus` listener to the last `focusin` one, which
  // the browser dispatches after it.
  addEventListener('focus', begin('focus', 'focusin'), true);
}

/** One engine's interactions at one window size: name → [{ work, paint }]. */
async function session(page, server, size) {
  await page.setSize(size);
  await page.goto(server.url);
  await page.view('.totals');
  // Italian, as on an Italian reader's machine (the labels clicked are the
  // same in both languages; the text the views build is not).
  if (await page.eval(() => document.documentElement.lang) !== 'it') {
    await page.click('.lang-switch button[lang="it"]', { visible: true });
  }
  // Measured once the service worker has cached the bundle, the views built
  // ahead are in and the page is idle.
  await page.evalAsync(() => (navigator.serviceWorker ? navigator.serviceWorker.ready : Promise.resolve())
    .then(() => new Promise((ok) => setTimeout(ok, 1500)))
    .then(() => new Promise((idle) => (window.requestIdleCallback ? requestIdleCallback(idle, { timeout: 3000 }) : setTimeout(idle, 300)))));
  await page.eval(instrument);
  const settle = () => page.evalAsync(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 30)))));
  /** A real click on what `css` finds (the `nth` match), and the times of
   * its handling, or of the focus it gives. */
  async function measure(css, of = 'click', nth = 0) {
    const el = await page.eval((css, nth) => {
      const el = document.querySelectorAll(css)[nth];
      el?.scrollIntoView({ block: 'center' });
      return el;
    }, css, nth);
    if (!el) throw new Error(`${page.engine}: nothing at ${css}`);
    await page.driver.actions({ async: true }).move({ origin: el }).perform();
    await settle();
    await page.driver.actions({ async: true }).press().release().perform();
    await settle();
    const m = await page.eval((of) => window[`__${of}`], of);
    return { work: m.end - m.start, paint: m.paint - m.start };
  }
  const out = new Map();
  const nav = (href) => `.main-nav a[href="${href}"]`;
  const views = [['#/compare', 'view: side by side'], ['#/figures', 'view: figures'], ['#/framing', 'view: framing'], ['#/', 'view: overview']];
  for (const [, name] of views) out.set(name, []);
  for (let i = 0; i < RUNS; i++) {
    for (const [h, name] of views) out.get(name).push(await measure(nav(h)));
  }
  const reader = [];
  for (let i = 0; i < RUNS; i++) {
    await measure(nav('#/'));
    reader.push(await measure('main > .view:not([hidden]) .cards a[href="#/read/004"]'));
  }
  out.set('view: reader (from a card)', reader);
  await measure(nav('#/compare'));
  const outlets = [];
  for (let i = 0; i < RUNS * 2; i++) outlets.push(await measure('main > .view:not([hidden]) label:has(input[data-outlet="003"])'));
  out.set('outlets: 003 on / off', outlets);
  const diff = [];
  for (let i = 0; i < RUNS; i++) diff.push(await measure('main > .view:not([hidden]) label:has(#differences-only)'));
  out.set('side by side: differences only', diff);
  const marks = [];
  for (let i = 0; i < RUNS; i++) marks.push(await measure('main > .view:not([hidden]) .cell mark.fig', 'focus', i % 2 ? 0 : 1));
  out.set('focusing a figure (a click)', marks);
  const long = await page.eval(() => window.__tasks);
  return { out, long };
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

/** A story of `n` articles opened in the side by side: ms to progress, to
 * the first view, to every row built; long tasks meanwhile. */
async function largeStory(page, server, n, file) {
  await page.setSize(DESKTOP);
  await page.goto(`${server.url}#/library`);
  await page.waitFor('#import-library');
  await page.choose('#import-library', [{ name: 'grande.json', content: file }]);
  await page.waitFor('.story-item[data-story="grande"]', { timeout: 60000 });
  await page.eval(instrument);
  // When each stage first shows, as the page sees it (a mutation observer,
  // not the test's polling).
  const stages = {
    progress: 'main > .view:not([hidden]) #analysis-progress',
    first: 'main > .view:not([hidden]) .sbs-rows',
    built: 'main > .view:not([hidden]) .sbs-rows[aria-busy="false"]',
  };
  const t0 = await page.eval((stages) => {
    window.__seen = {};
    const t0 = performance.now();
    const look = () => {
      for (const [k, css] of Object.entries(stages)) {
        if (!(k in window.__seen) && document.querySelector(css)) window.__seen[k] = performance.now();
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    location.hash = '#/s/grande/compare';
    look();
    return t0;
  }, stages);
  const seen = await page.until(() => window.__seen.built && window.__seen, [], 'the side by side built', 180000);
  const long = await page.eval(() => window.__tasks);
  return { progress: seen.progress - t0, first: seen.first - t0, built: seen.built - t0, long };
}

const ms = (x) => `${x.toFixed(1).padStart(6)}`;
const longText = (l) => (l === null ? 'not reported' : l.length ? l.map((d) => d.toFixed(0)).join(', ') : 'none');

const results = [];
const file = await bigStory(200);
for (const engine of engines) {
  const browser = await open(engine);
  const r = { name: `${browser.name} ${browser.version}`, sizes: {} };
  try {
    for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      // A new origin for each session: nothing cached or stored carries over.
      const server = await serveStatic();
      try {
        r.sizes[label] = await session(browser.page(server.url), server, size);
        r.sizes[label].width = await browser.page(server.url).eval(() => innerWidth);
      } finally {
        await server.close();
      }
    }
    const server = await serveStatic();
    try {
      r.large = await largeStory(browser.page(server.url), server, 200, file);
    } finally {
      await server.close();
    }
  } finally {
    await browser.quit();
  }
  results.push(r);
  console.log(`${r.name}: measured`);
}
await stopDisplay();

console.log(`\n${RUNS} runs each, medians; work / to paint, ms`);
const col = 24;
for (const label of ['desktop', 'phone']) {
  const widths = results.map((r) => `${r.sizes[label].width} px`).join(', ');
  console.log(`\n${label} (window width: ${widths})`);
  console.log(`${''.padEnd(34)}${results.map((r) => r.name.padStart(col)).join('')}`);
  const names = [...results[0].sizes[label].out.keys()];
  for (const name of names) {
    const cells = results.map((r) => {
      const runs = r.sizes[label].out.get(name);
      return `${ms(median(runs.map((x) => x.work)))} /${ms(median(runs.map((x) => x.paint)))}`.padStart(col);
    });
    console.log(`${name.padEnd(34)}${cells.join('')}`);
  }
  for (const r of results) console.log(`long tasks (over 50 ms), ${r.name}: ${longText(r.sizes[label].long)}`);
}
console.log(`\na story of 200 articles (${(file.length / 1e6).toFixed(1)} MB), side by side, desktop, ms`);
console.log(`${''.padEnd(34)}${results.map((r) => r.name.padStart(col)).join('')}`);
for (const [key, name] of [['progress', 'progress shown'], ['first', 'analysed, first view on screen'], ['built', 'every row built']]) {
  console.log(`${name.padEnd(34)}${results.map((r) => r.large[key].toFixed(0).padStart(col)).join('')}`);
}
for (const r of results) console.log(`long tasks (over 50 ms) meanwhile, ${r.name}: ${longText(r.large.long)}`);
