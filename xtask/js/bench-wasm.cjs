// Runs the WebAssembly build of the extraction benchmark in Node.js (V8, the
// engine of Chromium) and prints its throughput. Called by `cargo xtask bench`.
const path = require('node:path');
const pkg = require(path.resolve(process.argv[2], 'synoptic_bench.js'));

const bytes = pkg.embedded_bytes();
// The whole start-up analysis: the first run (cold code) and warm runs.
{
  let t = performance.now();
  pkg.compare_embedded(1);
  const cold = performance.now() - t;
  const warm = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    pkg.compare_embedded(1);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(`wasm analysis and comparison of the embedded story: first run ${cold.toFixed(1)} ms, then median ${warm[5].toFixed(1)} ms`);
}
const iterations = 20;
pkg.extract_embedded(2); // warm up
const samples = [];
const start = performance.now();
while (performance.now() - start < 2000 || samples.length < 5) {
  const t = performance.now();
  pkg.extract_embedded(iterations);
  samples.push((performance.now() - t) / 1000);
}
samples.sort((a, b) => a - b);
const secs = samples[Math.floor(samples.length / 2)];
const mb = (bytes * iterations) / 1e6;
console.log(`wasm extraction (release profile, wasm-opt -Oz, Node ${process.versions.node}), embedded corpus (${bytes} bytes) × ${iterations}, median of ${samples.length} runs:`);
console.log(`  ${((secs * 1000) / iterations).toFixed(2)} ms per corpus, ${(mb / secs).toFixed(2)} MB/s`);
