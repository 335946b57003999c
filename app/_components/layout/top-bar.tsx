import Link from 'next/link';
import { SignOutButton } from '../auth/sign-out-button';
import { LanguageSwitch } from '../i18n/language-switch';
import { NotificationBell } from '../notifications/notification-bell';
import { AccountLink } from './account-link';
import { SkipLink } from './skip-link';

/**
 * The bar atop every page: a skip link (to the section's text where `skipToText`, else to the main
 * content), the application, who is signed in (if anyone, leading to their account), the language, signing out.
 */
export function TopBar({ userId, who, skipToText }: { userId?: string; who?: string; skipToText?: boolean }) {
  return (
    <header className="top-bar">
      <SkipLink toText={skipToText} />
      <Link href="/plans" className="brand">
        Concordia
      </Link>
      {who && (userId ? <AccountLink who={who} /> : <span className="muted who">{who}</span>)}
      {userId && <NotificationBell />}
      <LanguageSwitch signedIn={userId !== undefined} />
      {userId && <SignOutButton userId={userId} />}
    </header>
  );
}
