// The load generator every benchmark uses: keep-alive HTTP clients against a server, latencies and their quantiles.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** `connections` clients for `seconds`, cycling through `paths` on `base`: req/s, p50, p99 (ms), errors, latencies. */
export async function load(base, paths, seconds, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const targets = paths.map((p) => new URL(p, base));
  const latencies = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const target = targets[next++ % targets.length];
      const started = performance.now();
      const status = await new Promise((resolve) => {
        const req = http.get(target, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', () => resolve(0));
      });
      if (status === 200) latencies.push(performance.now() - started);
      else errors++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    rps: latencies.length / elapsed,
    requests: latencies.length + errors,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    elapsed,
    latencies,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The `q` quantile of sorted `values`. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
