/**
 * What someone typed, made safe to put into a markdown message. Directus renders a notification's
 * `message` as markdown (in the app's notification drawer and in notification e-mails), so a
 * company name such as `<img src=x>` or `[点此](http://…)` would be markup there. Every ASCII
 * punctuation character is backslash-escaped (CommonMark allows that for all of them) and line
 * breaks become spaces, so the text prints as typed and cannot start a heading, list or quote.
 */
export function markdownText(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
