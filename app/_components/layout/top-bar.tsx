import Link from 'next/link';
import { SignOutButton } from '../auth/sign-out-button';

export function TopBar({ userId, who }: { userId: string; who: string }) {
  return (
    <header className="top-bar">
      <Link href="/plans" className="brand">
        Concordia
      </Link>
      <span className="muted">{who}</span>
      <SignOutButton userId={userId} />
    </header>
  );
}
