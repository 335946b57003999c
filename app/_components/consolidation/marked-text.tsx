import { Fragment } from 'react';
import { WORD_PATTERN } from '../../../lib/shared/words';

/** Text with the given words (lower-cased) marked wherever they occur, as the overlap board shows why two passages match. */
export function MarkedText({ text, marked }: { text: string; marked: readonly string[] }) {
  if (marked.length === 0) return <>{text}</>;
  const words = new Set(marked);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const index = match.index;
    if (!words.has(match[0].toLowerCase())) continue;
    if (index > at) parts.push({ text: text.slice(at, index), mark: false });
    parts.push({ text: match[0], mark: true });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
