import { redirect } from 'next/navigation';
import { currentUserId } from './_server/session';

export const dynamic = 'force-dynamic';

export default async function Home() {
  redirect((await currentUserId()) ? '/plans' : '/signin');
}
