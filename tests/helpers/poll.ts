import { vi } from 'vitest';

/**
 * Reads until `ready(value)` holds, for what arrives a moment after a request answers (notices and
 * follow-ups delivered after commit), with vitest's own waitFor. On timeout the last value is
 * returned, so the assertion that follows fails showing what was there.
 */
export async function until<T>(
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  { timeout = 10_000, interval = 200 } = {},
): Promise<T> {
  let last: T | undefined;
  try {
    return await vi.waitFor(
      async () => {
        last = await read();
        if (!ready(last)) throw new Error('not yet');
        return last;
      },
      { timeout, interval },
    );
  } catch {
    return last ?? (await read());
  }
}

/**
 * Waits a fixed time, for what must NOT arrive (a second notice after the first): absence cannot be
 * polled for, so the wait is named here instead of written out in each test.
 */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
