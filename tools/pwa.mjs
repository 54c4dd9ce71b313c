// Trunk post-build hook (and a standalone tool: `node tools/pwa.mjs DIR`).
//
// On the staged bundle of a release build it:
// 1. moves Trunk's inline loader script into its own file, so that the
//    content security policy needs no inline-script exemption;
// 2. adds that policy and the service-worker registration;
// 3. writes sw.js with the exact hashed files of this build and a version
//    derived from their contents.
// It is idempotent: running it again on its own output changes nothing
// unless a file changed, in which case only the version and list move.
// Debug builds (the dev server) get no service worker.
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, stat, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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
// Service worker: offline use and updates on request.
(() => {
  const note = (state) => { document.documentElement.dataset.offline = state; };
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) { note('unavailable'); return; }
  let waiting = null;
  const ready = (worker) => {
    waiting = worker;
    window.dispatchEvent(new CustomEvent('synoptic:update-ready'));
  };
  window.synopticApplyUpdate = () => { if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' }); };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !window.synopticUpdating) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker.register('./sw.js', { scope: './' }).then((reg) => {
    note('ready');
    if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(worker);
      });
    });
    // Check for a new version at every start.
    reg.update().catch(() => {});
  }).catch(() => note('unavailable'));
})();
`;

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

let html = await readFile(join(dir, 'index.html'), 'utf8');
// 1. The inline loader becomes a file.
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  let code = inline[1].trim();
  if (release) code += '\n' + REGISTER;
  const name = `boot-${sha(code).toString('hex').slice(0, 16)}.js`;
  await writeFile(join(dir, name), code + '\n');
  const integrity = `sha384-${sha(code + '\n', 'sha384').toString('base64')}`;
  html = html.replace(inline[0], `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
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
const all = (await files(dir)).filter((f) => f !== 'sw.js');
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
