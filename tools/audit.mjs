// Lighthouse audit of the release bundle served from a plain static server:
// prints the category scores (mobile preset, the default) and, for each
// category under 100, the audits that cost points. Run by `cargo xtask audit`.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, root } from '../tests/e2e/harness.mjs';

const bin = join(root, '.tools/lighthouse/node_modules/.bin/lighthouse');
const server = await serveStatic();
const out = join(await mkdtemp(join(tmpdir(), 'synoptic-lh-')), 'report.json');
const flags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
].join(' ');
// Asynchronous: the static server runs in this process and must keep serving.
const status = await new Promise((resolve) => {
  const child = spawn(bin, [
  server.url,
  '--quiet',
  '--output=json',
  `--output-path=${out}`,
  `--chrome-flags=${flags}`,
  '--only-categories=performance,accessibility,best-practices,seo',
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: 'inherit' });
  child.on('exit', resolve);
});
await server.close();
console.log(`report: ${out}`);
if (status !== 0) {
  console.error('lighthouse failed');
  process.exit(1);
}
const report = JSON.parse(await readFile(out, 'utf8'));
const targets = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 90 };
let missed = false;
console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor} preset, ${report.finalDisplayedUrl}`);
for (const [id, cat] of Object.entries(report.categories)) {
  const score = Math.round((cat.score ?? 0) * 100);
  const target = targets[id];
  const ok = score >= target;
  missed ||= !ok;
  console.log(`  ${cat.title.padEnd(16)} ${String(score).padStart(3)}  (target ${target}) ${ok ? 'met' : 'MISSED'}`);
  if (score < 100) {
    for (const ref of cat.auditRefs) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        console.log(`      - ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      }
    }
  }
}
const m = report.audits;
console.log(`  metrics: FCP ${m['first-contentful-paint'].displayValue}, LCP ${m['largest-contentful-paint'].displayValue}, TBT ${m['total-blocking-time'].displayValue}, CLS ${m['cumulative-layout-shift'].displayValue}`);
process.exit(missed && process.argv.includes('--check') ? 1 : 0);
