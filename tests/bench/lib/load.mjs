// HTTP load with autocannon, bounded in requests and time, against a loopback server only.
import autocannon from 'autocannon';

/**
 * Sends `amount` requests over `connections` concurrent connections. `body` and `path` may be
 * functions of the request number (each request its own payload or item). Returns throughput
 * and latency. Throughput is counted from the first request sent to the last answer received:
 * autocannon's own `duration` ends at its next one-second tick after the last answer, which for a
 * few hundred requests rounds a 2.4 s run up to 3 s.
 */
export async function load({ url, method = 'GET', token, body, path, connections = 10, amount = 200, timeoutSeconds = 60 }) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) throw new Error(`load only targets loopback servers, not ${url}`);
  let n = 0;
  let firstSent = null;
  let lastAnswered = null;
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const result = await autocannon({
    url,
    method,
    connections,
    amount,
    timeout: timeoutSeconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          firstSent ??= performance.now();
          const i = n++;
          const payload = typeof body === 'function' ? body(i) : body;
          const next = { ...request, ...(typeof path === 'function' ? { path: path(i) } : {}) };
          return payload === undefined ? next : { ...next, body: JSON.stringify(payload) };
        },
        onResponse: () => {
          lastAnswered = performance.now();
        },
      },
    ],
  });
  const seconds = firstSent !== null && lastAnswered !== null ? (lastAnswered - firstSent) / 1000 : result.duration;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond: result['2xx'] / seconds,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
  };
}
