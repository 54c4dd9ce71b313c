// What a reader does with Synoptic, described once and run in every engine
// (`engines.test.mjs`): each scenario is a function of a `Page`
// (webdriver.mjs) and of `cx` = { server, shots, engine }, and asserts what
// the reader must see. Where an engine lacks a feature, the scenario pins
// how the app degrades instead (`cx.features` says what the engine has).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, dist, root } from '../e2e/harness.mjs';
import { AGENCY, DAILY, PAYLOAD, readStories } from '../e2e/fixtures.mjs';
import { Key, PHONE, DESKTOP } from './webdriver.mjs';

const VIEWS = [
  ['overview', '', '.totals'],
  ['compare', '#/compare', '.sbs-rows[aria-busy="false"]'],
  ['figures', '#/figures', '.figures-table tbody[aria-busy="false"]'],
  ['framing', '#/framing', '.frame'],
  ['reader', '#/read/004', '.article-body'],
  ['library', '#/library', 'h1#library-title'],
];

const PAGE_HTML = `<!doctype html><html><head><title>Il Gazzettino del Porto</title>
<script>alert('head')</script><meta http-equiv="refresh" content="0;url=javascript:alert(6)"></head>
<body onload="alert(7)"><nav>Home | Cronaca | Sport</nav>
<article><h1>Rogo al porto, i danni salgono a 6 milioni</h1>
<p>Genova, 15 marzo 2026 – Le fiamme hanno distrutto un deposito: i danni sono ora stimati in 6 milioni di euro, secondo la Regione.</p>
<p>Evacuati 120 lavoratori<img src=x onerror="alert(8)">, nessun ferito.</p></article>
<footer>Cookie policy</footer></body></html>`;

/** What the library's database holds, read in the page. */
function stored(page) {
  return page.evalAsync(readStories);
}

/** Catches the files the page offers for download (WebDriver has no common
 * way to read a download): the blob of each export, by file name. */
function catchDownloads(page) {
  return page.eval(() => {
    window.__downloads = {};
    const blobs = new Map();
    const real = URL.createObjectURL;
    URL.createObjectURL = (b) => { const u = real.call(URL, b); blobs.set(u, b); return u; };
    HTMLAnchorElement.prototype.click = function click() {
      if (this.download && blobs.has(this.href)) window.__downloads[this.download] = blobs.get(this.href).text();
    };
  });
}

function downloaded(page, name) {
  return page.evalAsync((name) => window.__downloads[name], name);
}

async function paste(page, text, outlet) {
  await page.fill('#paste-text', text);
  await page.fill('#paste-outlet', outlet);
  await page.click('#add-pasted');
}

/** No alert was ever opened by the page (an open one would also fail every
 * command after it). */
async function noAlert(page) {
  let text = null;
  try {
    text = await page.driver.switchTo().alert().getText();
  } catch {
    // No alert open: what must be.
  }
  assert.equal(text, null, `an alert opened: ${text}`);
}

/** The scenarios start in Italian. An engine whose browser language is
 * another (WebKitGTK without an Italian locale says en-US) opens the app in
 * that language, as it should; the reader then picks Italian, which the app
 * keeps for the origin. */
export async function italian(page, cx, url = cx.server.url) {
  await page.goto(url);
  const lang = await page.eval(() => [navigator.language, document.documentElement.lang]);
  if (lang[1] === 'it') return;
  assert.equal(lang[1], lang[0].slice(0, 2), `the browser says ${lang[0]}, the app is in ${lang[1]}`);
  await page.click('.lang-switch button[lang="it"]', { visible: true });
  await page.until(() => document.documentElement.lang === 'it', [], 'lang="it"');
  if (!cx.saidLanguage) cx.note(`browser language ${lang[0]}: the app opened in it, Italian was chosen with the switch`);
  cx.saidLanguage = true;
}

/** Whether the engine has service workers here; if not, pins the app's note
 * saying what is not available, and records it. */
async function serviceWorkers(page, cx) {
  const sw = await page.eval(() => 'serviceWorker' in navigator && window.isSecureContext);
  if (!sw) {
    await page.waitFor('#offline-note');
    assert.match(await page.text('#offline-note'), /senza connessione non è disponibile/);
    cx.note('no service worker: no offline use and no update prompt, and the app says so');
  }
  return sw;
}

/** Visits, waits for the service worker, and reloads so that it controls
 * the page. */
async function installed(page, url) {
  await page.goto(url);
  await page.view('.card');
  await page.evalAsync(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.until(() => navigator.serviceWorker.controller !== null, [], 'the page controlled by its worker');
}

export const scenarios = [
  ['overview and every view show the worked examples', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(cx.server.url);
    await page.view('.totals');
    const total = async (v) => Number(await page.text(`.total[data-verdict="${v}"] .total-n`, { inView: true }));
    assert.equal(await total('same'), 1);
    assert.equal(await total('compatible'), 2);
    assert.ok((await total('only_here')) > 5);
    // The navigation leads to the side by side, whose heading takes the focus.
    await page.click('.main-nav a[href="#/compare"]');
    await page.waitUrl(/#\/compare$/);
    await page.view('.sbs-rows[aria-busy="false"]');
    assert.equal(await page.text('h1', { inView: true }), 'Fianco a fianco');
    await page.until(() => document.activeElement?.id === 'compare-title', [], 'the heading focused');
    // The trade figures: compatible, with a second cue, lighting up each other.
    const m004 = '.cell[data-outlet="004"] mark.fig';
    const m000 = '.cell[data-outlet="000"] mark.fig';
    assert.match(await page.attr(m004, 'class', { text: '227,9', inView: true }), /v-compatible/);
    assert.match(await page.attr(m000, 'class', { text: '200 miliardi di dollari', inView: true }), /v-compatible/);
    assert.equal(await page.eval(() => [...document.querySelectorAll('main > .view:not([hidden]) .cell[data-outlet="004"] mark.fig')]
      .find((m) => m.textContent.includes('227,9')).querySelector('.vicon').textContent.trim()), '≈');
    assert.equal(await page.attr(m004, 'data-q', { text: '227,9', inView: true }),
      await page.attr(m000, 'data-q', { text: '200 miliardi di dollari', inView: true }));
    await page.eval(() => [...document.querySelectorAll('main > .view:not([hidden]) .cell[data-outlet="004"] mark.fig')]
      .find((m) => m.textContent.includes('227,9')).focus());
    await page.until(() => /compatibile/.test(document.querySelector('main > .view:not([hidden]) .inspector')?.innerText ?? ''), [], 'the inspector');
    assert.match(await page.text('.inspector', { inView: true }), /004 è più preciso/);
    // Views once built are kept, hidden (content-visibility): back to the
    // overview, the side by side is still in the page, neither shown nor
    // focusable, and shown again as it was.
    const row = await page.eval(() => document.querySelector('main > .view:not([hidden]) .sbs-row'));
    await page.click('.main-nav a[href="#/"]');
    await page.waitUrl(/#\/$/);
    await page.view('.totals');
    const kept = await page.eval((row) => {
      const view = row.closest('.view');
      const input = view.querySelector('input');
      input.focus();
      return {
        connected: row.isConnected,
        hidden: view.hidden,
        skipped: getComputedStyle(view).contentVisibility,
        focusable: document.activeElement === input,
        checkVisibility: row.checkVisibility(),
      };
    }, row);
    assert.deepEqual(
      { ...kept, checkVisibility: undefined },
      { connected: true, hidden: true, skipped: 'hidden', focusable: false, checkVisibility: undefined },
    );
    if (kept.checkVisibility) {
      cx.note('checkVisibility() is true inside a content-visibility: hidden view; the kept view is still not shown (see the screenshots) and not focusable');
    }
    await page.click('.main-nav a[href="#/compare"]');
    await page.waitUrl(/#\/compare$/);
    await page.until((row) => row.isConnected && row.checkVisibility(), [row], 'the kept row shown again');
    // The figures table, the reader, sources and framing.
    await page.goto(`${cx.server.url}#/figures`);
    await page.view('.figures-table tbody[aria-busy="false"]');
    assert.match(await page.text('.figures-table tr', { text: '227,9 miliardi di dollari', inView: true }), /compatibile/);
    await page.goto(`${cx.server.url}#/read/004`);
    assert.match(await page.attr('.article-body mark.fig', 'class', { text: '227,9', inView: true }), /v-compatible/);
    await page.view('.margin-notes', { text: 'Ministero degli Esteri russo', visible: true });
    await page.goto(`${cx.server.url}#/framing`);
    assert.match(await page.text('.frame[data-frame="framing: alleanza"]', { inView: true }), /in conflitto/);
    assert.match(await page.text('.outlet-col[data-outlet="003"] .sources', { inView: true }), /Wall Street Journal/);
    // Each view at both widths, for a person to look at.
    for (const [size, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
      await page.setSize(size);
      if (size === PHONE) {
        // Firefox and WebKit windows have a minimum width above a phone's.
        const width = await page.eval(() => innerWidth);
        if (width > PHONE.width) cx.note(`narrowest window: ${width} CSS px (a phone is ${PHONE.width})`);
        assert.ok(width < 640, `${width} px is in the phone layout (under 40rem)`);
      }
      for (const [name, hash, ready] of VIEWS) {
        await page.goto(`${cx.server.url}${hash}`);
        await page.view(ready);
        if (size === PHONE && name === 'compare') {
          // The columns stack, and each cell names its outlet.
          const boxes = await page.eval(() => [...document.querySelector('main > .view:not([hidden]) .sbs-row:not([hidden]):not(.sbs-run)')
            .querySelectorAll('.cell')].slice(0, 2).map((c) => c.getBoundingClientRect().top));
          assert.ok(boxes[1] > boxes[0], 'stacked vertically');
          await page.view('.sbs-row:not([hidden]):not(.sbs-run) .cell .cell-outlet', { visible: true });
        }
        await page.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        await page.screenshot(cx.shots, `${cx.engine}-${name}-${label}`);
      }
    }
    await page.setSize(DESKTOP);
  }],

  ['deep links and reloads keep the view; an unknown address gives a view', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(`${cx.server.url}#/compare/000~004?diff=1`);
    await page.view('.sbs-rows[aria-busy="false"]');
    assert.equal(await page.count('.sbs-head .sbs-col-head', { inView: true }), 2);
    await page.reload();
    await page.view('.sbs-rows[aria-busy="false"]');
    assert.equal(await page.count('.sbs-head .sbs-col-head', { inView: true }), 2);
    assert.equal(await page.eval(() => document.querySelector('main > .view:not([hidden]) #differences-only').checked), true);
    assert.equal(await page.count('.sbs-row.v-same:not([hidden])', { inView: true }), 0);
    // The two columns stand side by side.
    const cells = await page.eval(() => [...document.querySelector('main > .view:not([hidden]) .sbs-row:not([hidden]) .cell')
      .parentElement.querySelectorAll('.cell')].filter((c) => c.getClientRects().length > 0)
      .map((c) => { const r = c.getBoundingClientRect(); return { top: r.top, left: r.left, right: r.right }; }));
    assert.equal(cells.length, 2);
    assert.equal(cells[0].top, cells[1].top);
    assert.ok(cells[1].left >= cells[0].right);
    await page.goto(`${cx.server.url}#/figures?sort=verdict`);
    await page.view('.figures-table tbody[aria-busy="false"]');
    await page.reload();
    await page.view('.figures-table tbody[aria-busy="false"]');
    assert.equal(await page.eval(() => document.querySelector('main > .view:not([hidden]) #sort').value), 'verdict');
    assert.equal(await page.attr('.figures-table tbody tr', 'class', { inView: true }), 'v-compatible');
    // The reader's difference map leads to a sentence, kept in the address.
    await page.goto(`${cx.server.url}#/read/004`);
    await page.view('.article-body');
    await page.eval(() => document.querySelectorAll('main > .view:not([hidden]) .reader-side .minimap .tick a')[5].click());
    await page.waitUrl(/#\/read\/004\?s=\d+$/);
    await page.until(() => /^sent-\d+$/.test(document.activeElement?.id ?? ''), [], 'the sentence focused');
    const sentence = await page.focused();
    await page.reload();
    await page.view('.article-body');
    await page.until((id) => document.activeElement?.id === id, [sentence], 'the sentence focused after a reload');
    // The skip link's target, and a story that is not there.
    await page.goto(`${cx.server.url}#main`);
    await page.view('h1#overview-title');
    await page.waitUrl(/#\/$/);
    await page.goto(`${cx.server.url}#/s/non-esiste/compare`);
    await page.view('h1', { text: 'Storia non trovata' });
  }],

  ['the language switch changes the interface, is remembered, leaves the articles in Italian', async (page, cx) => {
    await page.setSize(PHONE);
    await page.goto(cx.server.url);
    await page.view('li.card');
    assert.equal(await page.attr('html', 'lang'), 'it');
    await page.click('.lang-switch button[lang="en"]', { visible: true });
    await page.until(() => document.documentElement.lang === 'en', [], 'lang="en"');
    await page.view('h2, h1', { text: 'The story, outlet by outlet' });
    await page.reload();
    await page.view('li.card');
    assert.equal(await page.attr('html', 'lang'), 'en');
    assert.equal(await page.attr('.lang-switch button[lang="en"]', 'aria-pressed'), 'true');
    await page.goto(`${cx.server.url}#/compare`);
    await page.view('.sbs-rows[aria-busy="false"]');
    assert.equal(await page.text('h1', { inView: true }), 'Side by side');
    assert.equal(await page.attr('.cell-text', 'lang', { inView: true }), 'it');
    await page.screenshot(cx.shots, `${cx.engine}-compare-phone-en`);
    await page.click('.lang-switch button[lang="it"]', { visible: true });
    await page.until(() => document.documentElement.lang === 'it', [], 'lang="it"');
    await page.setSize(DESKTOP);
  }],

  ['keyboard: skip link, tab order, rows by j and k', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(cx.server.url);
    await page.view('li.card');
    await page.eval(() => { document.activeElement?.blur(); window.focus(); });
    await page.press(Key.TAB);
    await page.until(() => document.activeElement?.classList.contains('skip-link'), [], 'the skip link focused');
    await page.press(Key.ENTER);
    await page.until(() => document.activeElement?.id === 'main', [], 'main focused');
    await page.press(Key.TAB);
    await page.until(() => document.activeElement?.closest('li.card')?.dataset.article === '000', [], 'the first card focused');
    await page.press(Key.ENTER);
    await page.waitUrl(/#\/read\/000$/);
    await page.until(() => document.activeElement?.id === 'article-title-000', [], 'the article title focused');
    await page.goto(`${cx.server.url}#/compare`);
    await page.view('.sbs-rows[aria-busy="false"]');
    const rows = await page.eval(() => [...document.querySelectorAll('main > .view:not([hidden]) .sbs-row:not([hidden])')].map((r) => r.id));
    await page.eval((id) => document.getElementById(id).focus(), rows[0]);
    await page.press('j');
    assert.equal(await page.focused(), rows[1]);
    await page.press('k');
    assert.equal(await page.focused(), rows[0]);
  }],

  ['the reader\'s own story: pasted, compared, kept after a reload, exported and imported back the same', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(`${cx.server.url}#/library`);
    await page.view('h1#library-title');
    await page.click('#new-story');
    await page.fill('#story-name', 'Incendio al porto di Genova');
    await paste(page, AGENCY, 'AGI');
    await page.waitFor('#pending > li');
    await paste(page, DAILY, 'Il Secolo XIX');
    await page.until(() => document.querySelectorAll('#pending > li').length === 2, [], 'two articles pending');
    // Nothing the content security policy refuses, while the worker starts
    // and analyses.
    await page.eval(() => {
      window.__refused = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.click('#save-story');
    await page.waitUrl(/#\/s\/incendio-al-porto-di-genova$/);
    await page.view('h1', { text: 'Incendio al porto di Genova' });
    // Analysed in the worker: the amounts conflict.
    await page.goto(`${cx.server.url}#/s/incendio-al-porto-di-genova/compare`);
    await page.view('mark.fig.v-conflict', { timeout: 60000 });
    assert.deepEqual(await page.eval(() => window.__refused), []);
    await page.reload();
    await page.view('mark.fig.v-conflict', { timeout: 60000 });
    const record = JSON.parse((await stored(page))['incendio-al-porto-di-genova']);
    assert.deepEqual(record.articles.map((a) => a.meta.outlet), ['AGI', 'Il Secolo XIX']);
    // Out and back in: the same stored record.
    await page.goto(`${cx.server.url}#/library`);
    await page.waitFor('.story-item[data-story="incendio-al-porto-di-genova"]');
    const before = await stored(page);
    await catchDownloads(page);
    await page.click('#export-library');
    const file = await page.until(() => window.__downloads && Object.keys(window.__downloads)[0], [], 'the export');
    const json = await downloaded(page, file);
    assert.equal(JSON.parse(json).format, 'synoptic-library');
    await page.click('.story-item[data-story="incendio-al-porto-di-genova"] button.danger');
    await page.waitFor('#undo-delete');
    assert.equal((await stored(page))['incendio-al-porto-di-genova'], undefined);
    await page.choose('#import-library', [{ name: 'synoptic-library.json', content: json }]);
    await page.waitFor('.notice.ok', { text: 'Storie importate' });
    assert.deepEqual(await stored(page), before);
  }],

  ['script payloads in pasted text, chosen files and saved pages stay text and never run', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(`${cx.server.url}#/library`);
    await page.view('h1#library-title');
    await page.click('#new-story');
    await page.fill('#story-name', 'Marcatori');
    await paste(page, PAYLOAD, 'Incollato');
    await page.waitFor('#pending > li');
    await page.choose('#choose-files', [
      { name: 'markup.txt', content: PAYLOAD.replace('7 persone', '8 persone') },
      { name: 'pagina.html', content: PAGE_HTML },
    ]);
    await page.until(() => document.querySelectorAll('#pending > li').length === 3, [], 'three articles pending');
    await page.click('#save-story');
    await page.waitUrl(/#\/s\/marcatori$/);
    await page.goto(`${cx.server.url}#/s/marcatori/read/001`);
    await page.view('.article-body', { timeout: 60000 });
    assert.match(await page.text('h1', { inView: true }), /<script>alert\(1\)<\/script><img src=x onerror/);
    await page.goto(`${cx.server.url}#/s/marcatori/read/003`);
    await page.view('.article-body', { text: '6 milioni di euro', timeout: 60000 });
    assert.doesNotMatch(await page.text('.article-body', { inView: true }), /alert|Cookie|Home \| Cronaca/);
    await page.goto(`${cx.server.url}#/s/marcatori/compare`);
    await page.view('.sbs-rows[aria-busy="false"]', { timeout: 60000 });
    assert.equal(await page.count('main img, main iframe, main svg script, main script'), 0);
    assert.equal(await page.count('a[href^="javascript:"]'), 0);
    await noAlert(page);
  }],

  ['offline: after one visit every view reloads with no connection, where the engine has service workers', async (page, cx) => {
    await page.setSize(DESKTOP);
    await page.goto(cx.server.url);
    await page.view('.card');
    if (!(await serviceWorkers(page, cx))) return;
    await installed(page, cx.server.url);
    cx.server.setOffline(true);
    try {
      await page.reload();
      for (const [, hash, ready] of VIEWS) {
        await page.goto(`${cx.server.url}${hash}`);
        await page.view(ready);
      }
      await page.reload();
      await page.view('h1#library-title');
    } finally {
      cx.server.setOffline(false);
    }
  }],

  ['a rebuilt bundle is offered, and taken on request; the manifest makes the app installable', async (page, cx) => {
    await page.setSize(DESKTOP);
    // Installability: a manifest with a name, a start address, standalone
    // display and icons the server gives.
    const manifestHref = await page.goto(cx.server.url).then(() => page.attr('link[rel="manifest"]', 'href'));
    const manifest = await page.evalAsync((h) => fetch(h).then((r) => r.json()), manifestHref);
    assert.ok(manifest.name && manifest.start_url && manifest.display === 'standalone', JSON.stringify(manifest));
    for (const icon of manifest.icons) {
      const ok = await page.evalAsync((src, base) => fetch(new URL(src, base)).then((r) => r.ok), icon.src, new URL(manifestHref, cx.server.url).href);
      assert.ok(ok, icon.src);
    }
    if (!(await serviceWorkers(page, cx))) return;
    // A copy of the bundle, installed, then rebuilt.
    const dir = await mkdtemp(join(tmpdir(), 'synoptic-update-'));
    await cp(dist, dir, { recursive: true });
    const server = await serveStatic(dir);
    try {
      await italian(page, cx, server.url);
      await installed(page, server.url);
      const index = join(dir, 'index.html');
      await writeFile(index, (await readFile(index, 'utf8')).replace('</body>', '<!-- rebuilt --></body>'));
      execFileSync('node', [join(root, 'tools/pwa.mjs'), dir]);
      const version = (await readFile(join(dir, 'sw.js'), 'utf8')).match(/const VERSION = '([0-9a-f]+)'/)[1];
      await page.reload();
      await page.waitFor('#update-banner', { timeout: 30000 });
      assert.match(await page.text('#update-banner'), /nuova versione/);
      await page.click('#apply-update');
      await page.appReady();
      await page.view('.card');
      // (A returned promise is awaited by WebDriver's script execution.)
      await page.until((v) => caches.keys().then((k) => k.length === 1 && k[0] === `synoptic-${v}`), [version], 'the old cache gone', 30000);
      const shell = await page.evalAsync(() => fetch('./').then((r) => r.text()));
      assert.match(shell, /rebuilt/);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }],

  ['dark theme: every view follows the system\'s dark scheme, with its verdict cues', async (page, cx) => {
    await page.goto(cx.server.url);
    await page.view('.totals');
    assert.equal(await page.eval(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    // The page is dark and its text light (relative luminance of the
    // computed colours).
    const lum = () => page.eval(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const l = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      const body = getComputedStyle(document.body);
      return [l(rgb(body.backgroundColor)), l(rgb(body.color))];
    });
    const [bg, fg] = await lum();
    assert.ok(bg < 0.3 && fg > 0.6, `background ${bg.toFixed(2)}, text ${fg.toFixed(2)}`);
    for (const [size, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
      await page.setSize(size);
      for (const [name, hash, ready] of VIEWS) {
        await page.goto(`${cx.server.url}${hash}`);
        await page.view(ready);
        if (name === 'compare') {
          // The verdicts keep their second cue beside the colour.
          assert.equal(await page.eval(() => [...document.querySelectorAll('main > .view:not([hidden]) .cell[data-outlet="004"] mark.fig')]
            .find((m) => m.textContent.includes('227,9')).querySelector('.vicon').textContent.trim()), '≈');
        }
        await page.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        await page.screenshot(cx.shots, `${cx.engine}-${name}-${label}`);
      }
    }
    await page.setSize(DESKTOP);
  }],
];
