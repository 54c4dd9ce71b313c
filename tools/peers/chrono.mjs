// Peer of `cargo xtask bench`: chrono-node's Italian parser
// (`chrono.it.parse`) over the files (or directories of files) given, timed
// like Synoptic's `synoptic-bench extract`: a first run (the warm-up, or the
// only run when it takes 5 s or more), then runs for at least 2 s and 3
// runs; the median. Prints one line:
//   peer name=chrono-node version=… bytes=… runs=… median_s=… mb_s=… found=…
import fs from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';

// The package's manifest is not among its exports: read it from the
// project's node_modules.
const version = JSON.parse(
  fs.readFileSync(new URL('../../node_modules/chrono-node/package.json', import.meta.url)),
).version;

const files = process.argv.slice(2).flatMap((p) =>
  fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).sort().map((f) => path.join(p, f))
    : [p],
);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
// A fixed reference instant, so relative expressions resolve the same way.
const reference = new Date(Date.UTC(2025, 5, 1, 12));

function once() {
  let found = 0;
  for (const t of texts) found += chrono.it.parse(t, reference).length;
  return found;
}

let t = performance.now();
const found = once();
const first = (performance.now() - t) / 1000;
const samples = [];
if (first >= 5) {
  samples.push(first);
} else {
  const start = performance.now();
  while (performance.now() - start < 2000 || samples.length < 3) {
    t = performance.now();
    once();
    samples.push((performance.now() - t) / 1000);
  }
}
samples.sort((a, b) => a - b);
const secs = samples[Math.floor(samples.length / 2)];
console.log(
  `peer name=chrono-node version=${version} bytes=${bytes} runs=${samples.length} ` +
    `median_s=${secs.toFixed(6)} mb_s=${(bytes / 1e6 / secs).toFixed(3)} found=${found}`,
);
