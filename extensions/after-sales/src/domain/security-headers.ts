/**
 * Response headers Directus does not set itself (it sends a Content-Security-Policy only): no
 * MIME sniffing, no framing by other sites, no referrer to other origins, no camera/microphone/
 * location, and HSTS when the console is served over HTTPS. `X-Powered-By` is dropped.
 */
export function securityHeaders(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (publicUrl.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
