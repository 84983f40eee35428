// HTTP load with autocannon, bounded in requests and time, against a loopback server only.
import autocannon from 'autocannon';

/**
 * Sends `amount` requests over `connections` concurrent connections. `body` may be a function
 * of the request number (each request its own payload). Returns throughput and latency.
 */
export async function load({ url, method = 'GET', token, body, connections = 10, amount = 200, timeoutSeconds = 60 }) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) throw new Error(`load only targets loopback servers, not ${url}`);
  let n = 0;
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
          const payload = typeof body === 'function' ? body(n++) : body;
          return payload === undefined ? request : { ...request, body: JSON.stringify(payload) };
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond: result['2xx'] / seconds,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
  };
}
