// Trunk post-build hook (and a standalone tool: `node tools/pwa.mjs DIR`).
//
// On the staged bundle of a release build it:
// 1. moves Trunk's inline loader script into its own file, so that the
//    content security policy needs no inline-script exemption, with the
//    analysis worker it offers the app (analysis-<hash>.js, which loads the
//    worker's module, synoptic-worker-<hash>.js and its .wasm, on demand);
// 2. adds that policy and the service-worker registration;
// 3. puts the story overview, rendered natively in each interface language
//    (`synoptic-app prerender`), into the page with a small script that picks
//    the language and route before the first paint, so the story shows
//    before the WebAssembly has loaded (the app replaces it when it mounts);
// 4. writes sw.js with the exact hashed files of this build and a version
//    derived from their contents.
// It is idempotent: running it again on its own output changes nothing
// unless a file changed, in which case only the version and list move.
// Debug builds (the dev server) get no service worker.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, stat, unlink, mkdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('pwa.mjs: no directory (TRUNK_STAGING_DIR or an argument)');
  process.exit(2);
}
const release = process.argv[2] !== undefined || process.env.TRUNK_PROFILE === 'release';
const here = fileURLToPath(new URL('.', import.meta.url));

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const REGISTER = `
// What was shared with the app from another one (see sw.js): each item
// read and taken out of its cache, in order; none where there is no cache.
window.synopticTakeShared = async () => {
  if (!('caches' in self)) return [];
  const cache = await caches.open('shared-with-synoptic');
  const out = [];
  for (const key of (await cache.keys()).sort((a, b) => (a.url < b.url ? -1 : 1))) {
    const response = await cache.match(key);
    let meta = {};
    try { meta = JSON.parse(decodeURIComponent(response.headers.get('x-synoptic-shared') || '{}')); } catch (e) { /* kept as a file */ }
    out.push({ kind: String(meta.kind || 'file'), name: String(meta.name || ''), title: String(meta.title || ''),
      url: String(meta.url || ''), bytes: new Uint8Array(await response.arrayBuffer()) });
    await cache.delete(key);
  }
  return out;
};

// Service worker: offline use and updates on request.
(() => {
  const note = (state) => { document.documentElement.dataset.offline = state; };
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) { note('unavailable'); return; }
  let waiting = null;
  // Recorded on the page too: the app may mount after the event.
  const ready = (worker) => {
    waiting = worker;
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new CustomEvent('synoptic:update-ready'));
  };
  window.synopticApplyUpdate = () => { if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' }); };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !window.synopticUpdating) return;
    reloading = true;
    location.reload();
  });
  // A new version may be waiting, installing (the browser checks for one at
  // every navigation, before this runs) or found later.
  const track = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(worker);
  });
  navigator.serviceWorker.register('./sw.js', { scope: './' }).then((reg) => {
    note('ready');
    if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
    track(reg.installing);
    reg.addEventListener('updatefound', () => track(reg.installing));
    // Check for a new version at every start.
    reg.update().catch(() => {});
  }).catch(() => note('unavailable'));
})();
`;

const AFTER_PAINT = 'await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));';

// The analysis worker (a module worker): it loads the worker's own module
// (crates/worker: the analysis, file import, readability) on its first
// message, which the page sends only when a reader's own story needs it,
// and answers each message with progress (for an analysis, with what each
// article analysed holds), then its result or its error.
// A trap in the WebAssembly (which the fuzzing says should not happen)
// leaves its instance unusable: the worker says so and closes, and the page
// starts a new one for the next request.
const WORKER = (glue) => `
let ready = null;
// A module that failed to load (offline before it was cached, a server
// error) is tried again at the next message.
const load = () => (ready ??= import('./${glue}')
  .then(async (g) => { await g.default(); return g; })
  .catch((e) => { ready = null; throw e; }));
self.onmessage = async ({ data }) => {
  const id = data && data.id;
  try {
    const g = await load();
    if (data.kind === 'analyse') {
      const job = new g.Job(data.record);
      const total = job.total();
      self.postMessage({ id, progress: [0, total] });
      while (job.step()) self.postMessage({ id, progress: [job.done(), total], article: JSON.parse(job.last()) });
      const ok = job.finish();
      job.free();
      self.postMessage({ id, ok }, [ok.buffer]);
    } else if (data.kind === 'text') {
      self.postMessage({ id, ok: g.prepare_text(data.name, data.text, data.outlet, data.date, data.url, data.author, data.record) });
    } else if (data.kind === 'file') {
      self.postMessage({ id, ok: g.prepare_file(data.name, data.bytes, data.record) });
    } else {
      throw new Error('unknown request');
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String((e && e.message) || e), fatal });
    if (fatal) self.close();
  }
};
`;

// What the app calls to start the worker (see src/services/worker.rs).
const START_WORKER = (worker, version) => `
window.synopticWorker = Object.assign(
  () => new Worker(new URL('./${worker}', import.meta.url), { type: 'module' }),
  { version: '${version}' },
);
`;

// Runs before the first paint (a classic script in <head>): the interface
// language as the app will choose it (remembered, else the browser's, else
// Italian) and whether the route is the overview, for the stylesheet to show
// the matching prerendered overview; the address in the router's form. Until the app mounts it also keeps the
// prerendered skip link and language switch working.
const PICK = `
(() => {
  const root = document.documentElement;
  const known = (tag) => { const p = String(tag || '').split(/[-_]/)[0].toLowerCase(); return p === 'it' || p === 'en' ? p : null; };
  let stored = null;
  try { stored = localStorage.getItem('synoptic.lang'); } catch (e) { /* storage blocked */ }
  root.lang = known(stored) || known(navigator.language) || 'it';
  // The app's router works on "#/…" and rewrites any other address to "#/"
  // when it starts; doing it now costs nothing then.
  if (!location.hash.startsWith('#/')) {
    try { history.replaceState(history.state, '', '#/'); } catch (e) { /* sandboxed */ }
  }
  const route = () => {
    const path = location.hash.replace(/^#/, '').split('?')[0];
    root.dataset.route = path === '' || path === '/' ? 'overview' : 'other';
  };
  route();
  addEventListener('hashchange', route);
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('.prerender a[href^="#pre-"], .prerender .lang-switch button[lang]') : null;
    if (!el) return;
    e.preventDefault();
    if (el.tagName === 'A') { document.getElementById(el.getAttribute('href').slice(1))?.focus(); return; }
    root.lang = el.lang;
    try { localStorage.setItem('synoptic.lang', el.lang); } catch (e2) { /* storage blocked */ }
  });
  // Opened from a local file: module scripts and fetch are blocked there,
  // so the app starts from classic scripts instead.
  if (location.protocol === 'file:') {
    for (const src of __LOCAL__) {
      const script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    }
  }
})();
`;

// Opening index.html from a local file (file://): browsers block module
// scripts and fetch there, so the release page also carries classic scripts
// in local/ (neither precached nor part of the first load over the network):
// the wasm-bindgen glue without its ES module syntax, the WebAssembly as
// base64, and a boot that starts the app from them (without a service
// worker, which the footer then says).
function classicGlue(code) {
  let exported = null;
  const body = code
    .replace(/^export (async function|function|const|let|class) /gm, '$1 ')
    .replace(/^export \{([^}]*)\};?[ \t]*$/m, (_, names) => { exported = names; return ''; })
    .replace(/import\.meta\.url/g, 'document.baseURI');
  if (!exported || /^\s*(import|export)\b/m.test(body)) {
    throw new Error('pwa.mjs: the wasm-bindgen glue has an unexpected shape');
  }
  const members = exported.split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
    const [local, as] = x.split(/\s+as\s+/);
    return `${JSON.stringify(as || local)}: ${local}`;
  });
  const out = `(() => {\n${body}\nself.synopticLocal = { ${members.join(', ')} };\n})();`;
  new Script(out); // throws on a syntax error
  return out;
}

const LOCAL_BOOT = `
(() => {
  document.documentElement.dataset.offline = 'unavailable';
  const bytes = Uint8Array.from(atob(self.synopticLocalWasm), (c) => c.charCodeAt(0));
  self.synopticLocalWasm = null;
  self.synopticLocal.default({ module_or_path: bytes }).catch((e) => console.error('Synoptic could not start:', e));
})();
`;

/** Writes the local/ scripts; their paths, in load order. */
async function writeLocal(glueName, wasmName) {
  const local = join(dir, 'local');
  await rm(local, { recursive: true, force: true });
  await mkdir(local);
  const glue = classicGlue(await readFile(join(dir, glueName), 'utf8'));
  const wasm = `self.synopticLocalWasm = "${(await readFile(join(dir, wasmName))).toString('base64')}";`;
  const out = [];
  for (const [prefix, code] of [['glue', glue], ['wasm', wasm], ['boot', LOCAL_BOOT.trim()]]) {
    const name = `local/${prefix}-${sha(code).toString('hex').slice(0, 16)}.js`;
    await writeFile(join(dir, name), code + '\n');
    out.push(`./${name}`);
  }
  return out;
}

// One language's prerendered app, made fit for the static page: router links
// become hash links, and ids get a per-language prefix (both languages are in
// the page; references follow).
function adapt(html, lang) {
  const pre = `pre-${lang}-`;
  return html
    .replace(/ href="\/(?!\/)/g, ' href="#/')
    .replace(/ (id|for)="([^"]+)"/g, (_, a, v) => ` ${a}="${pre}${v}"`)
    .replace(/ (aria-labelledby|aria-describedby|aria-controls)="([^"]+)"/g,
      (_, a, v) => ` ${a}="${v.split(/\s+/).map((x) => pre + x).join(' ')}"`)
    .replace(/ href="#(?!\/)([^"]+)"/g, (_, v) => ` href="#${pre}${v}"`);
}

async function files(root, d = root) {
  const out = [];
  for (const name of await readdir(d)) {
    const p = join(d, name);
    if ((await stat(p)).isDirectory()) out.push(...(await files(root, p)));
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out.sort();
}

const sha = (data, alg = 'sha256') => createHash(alg).update(data).digest();

/** Writes `code` as `<prefix>-<hash>.js` in the bundle; its name. (No
 * subresource-integrity attributes: every file is the page's own, and a
 * page opened from a local file cannot check them.) */
async function writeScript(prefix, code) {
  const name = `${prefix}-${sha(code).toString('hex').slice(0, 16)}.js`;
  await writeFile(join(dir, name), code + '\n');
  return { name };
}

/** Trunk names a worker's files without a hash (and adds a loader shim
 * this page does not use): give the module and its glue hashed names like
 * the page's own, so that a new build never meets an old worker in a
 * cache. The glue's name (hashed already on a second run). */
async function hashWorker() {
  const names = await readdir(dir);
  await unlink(join(dir, 'synoptic-worker_loader.js')).catch(() => {});
  if (!names.includes('synoptic-worker.js')) {
    return names.find((f) => /^synoptic-worker-[0-9a-f]{16}\.js$/.test(f));
  }
  const wasm = await readFile(join(dir, 'synoptic-worker_bg.wasm'));
  const base = `synoptic-worker-${sha(wasm).toString('hex').slice(0, 16)}`;
  await writeFile(join(dir, `${base}_bg.wasm`), wasm);
  await unlink(join(dir, 'synoptic-worker_bg.wasm'));
  const glue = (await readFile(join(dir, 'synoptic-worker.js'), 'utf8'))
    .replace("new URL('synoptic-worker_bg.wasm', import.meta.url)", `new URL('${base}_bg.wasm', import.meta.url)`);
  if (!glue.includes(`${base}_bg.wasm`)) throw new Error("pwa.mjs: the worker's glue has an unexpected shape");
  await writeFile(join(dir, `${base}.js`), glue);
  await unlink(join(dir, 'synoptic-worker.js'));
  return `${base}.js`;
}

let html = await readFile(join(dir, 'index.html'), 'utf8');
let local = [];
const workerGlue = await hashWorker();
// 1. The inline loader becomes a file.
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  let code = inline[1].trim();
  const glue = code.match(/from '(\.\/[^']+\.js)'/);
  if (glue && workerGlue) {
    const worker = await writeScript('analysis', WORKER(workerGlue).trim());
    code = code.replace(/^(const wasm = await init)/m, `${START_WORKER(worker.name, workerGlue.match(/-([0-9a-f]{16})\.js$/)[1]).trim()}\n$1`);
  }
  const wasmPath = code.match(/module_or_path: '\.\/([^']+\.wasm)'/);
  if (release && glue && wasmPath) local = await writeLocal(glue[1].slice(2), wasmPath[1]);
  if (release) {
    // The page shows the prerendered overview first: fetch and start the
    // WebAssembly only after that first paint, so its download does not
    // compete with the stylesheet (and its preload goes).
    code = code.replace(/^(const wasm = await init)/m, `${AFTER_PAINT}\n$1`);
    html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '');
    code += '\n' + REGISTER;
  }
  const { name } = await writeScript('boot', code);
  html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
}
// 3. The prerendered overview (release builds; kept if already there).
if (release && !html.includes('id="prerender"')) {
  const rendered = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--package', 'synoptic-app', '--', 'prerender'], {
    cwd: join(here, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  }));
  const variants = Object.entries(rendered)
    .map(([lang, body]) => `<div class="prerender-lang" lang="${lang}">${adapt(body, lang)}</div>`)
    .join('');
  const { name } = await writeScript('pick', PICK.trim().replace('__LOCAL__', JSON.stringify(local)));
  html = html
    .replace('</title>', `</title>\n    <script src="./${name}"></script>`)
    .replace('<body>', `<body>\n    <div class="prerender" id="prerender">${variants}</div>`);
}
// 2. The policy.
if (!html.includes('Content-Security-Policy')) {
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
}
await writeFile(join(dir, 'index.html'), html);

// 3. The service worker, release builds only.
if (!release) {
  await unlink(join(dir, 'sw.js')).catch(() => {});
  process.exit(0);
}
const all = (await files(dir)).filter((f) => f !== 'sw.js' && !f.startsWith('local/'));
const hash = createHash('sha256');
for (const f of all) {
  hash.update(f);
  hash.update(await readFile(join(dir, f)));
}
const version = hash.digest('hex').slice(0, 16);
const assets = ['./', ...all.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
const template = await readFile(join(here, 'sw.template.js'), 'utf8');
await writeFile(
  join(dir, 'sw.js'),
  template.replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets, null, 2)),
);
console.log(`pwa.mjs: sw.js version ${version}, ${assets.length} files precached`);
