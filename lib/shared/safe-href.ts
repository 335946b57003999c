/** Only addresses a reader can follow safely; anything else (javascript:, data:) is shown as plain text. */
export function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}
