import Link from 'next/link';
import { SignOutButton } from '../auth/sign-out-button';
import { LanguageSwitch } from '../i18n/language-switch';

/** The bar atop every page: the application, who is signed in (if anyone), the language, signing out. */
export function TopBar({ userId, who }: { userId?: string; who?: string }) {
  return (
    <header className="top-bar">
      <Link href="/plans" className="brand">
        Concordia
      </Link>
      {who && <span className="muted who">{who}</span>}
      <LanguageSwitch signedIn={userId !== undefined} />
      {userId && <SignOutButton userId={userId} />}
    </header>
  );
}
