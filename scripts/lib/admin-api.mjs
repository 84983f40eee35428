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
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${data.access_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text}`);
    return text ? JSON.parse(text).data : null;
  };
}
