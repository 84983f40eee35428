// A small admin REST client for scripts (snapshot build, demo seed): fetch with a bearer token.
export async function adminApi(url, email, password) {
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
  const { data } = await login.json();
  return async function call(method, route, body) {
    let response;
    // The console limits requests per second (RATE_LIMITER_ENABLED); a script waits and retries.
    for (let attempt = 0; attempt < 10; attempt++) {
      response = await fetch(`${url}${route}`, {
        method,
        headers: { authorization: `Bearer ${data.access_token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 429) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text}`);
    return text ? JSON.parse(text).data : null;
  };
}
