/** The time zone deadlines and numbers are counted in; set BUSINESS_TIME_ZONE to change it. */
export function businessTimeZone(env: Record<string, unknown>): string {
  const value = env['BUSINESS_TIME_ZONE'];
  return typeof value === 'string' && value.length > 0 ? value : 'Asia/Shanghai';
}
