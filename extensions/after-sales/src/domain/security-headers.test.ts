import { expect, test } from 'vitest';
import { securityHeaders } from './security-headers';

test('headers for every response; HSTS only when served over HTTPS', () => {
  expect(securityHeaders('http://localhost:8055')).toEqual({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  expect(securityHeaders('https://console.agency.cn')['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
});
