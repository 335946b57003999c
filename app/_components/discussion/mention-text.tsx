import type { ReactNode } from 'react';
import type { Mention } from '../../../lib/shared/discussion';

/**
 * A message's text with each "@label" it names shown as a link (`href`), by the mentions stored with
 * it: longer labels first, so "@Peru Delegation" is not cut at "@Peru".
 */
export function MentionText({
  body,
  mentions,
  href,
}: {
  body: string;
  mentions: readonly Mention[];
  href: (mention: Mention) => string;
}): ReactNode {
  if (!mentions.length) return body;
  const byLength = [...mentions].sort((a, b) => b.label.length - a.label.length);
  const parts: ReactNode[] = [];
  let rest = body;
  let key = 0;
  while (rest) {
    let first: { at: number; mention: Mention } | null = null;
    for (const mention of byLength) {
      const at = rest.indexOf(`@${mention.label}`);
      if (at >= 0 && (!first || at < first.at)) first = { at, mention };
    }
    if (!first) break;
    parts.push(rest.slice(0, first.at));
    const text = `@${first.mention.label}`;
    parts.push(
      <a key={key++} className="mention" href={href(first.mention)}>
        {text}
      </a>,
    );
    rest = rest.slice(first.at + text.length);
  }
  parts.push(rest);
  return parts;
}
