'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** In the editor's bar: which words the plan search marked, and a way to clear them. */
export function FindNote({ query }: { query: string }) {
  const pathname = usePathname();
  return (
    <span className="small">
      Marked: <mark className="find-match">{query}</mark> · <Link href={pathname}>Clear</Link>
    </span>
  );
}
