import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Concordia',
  description: 'Live drafting of intergovernmental plans of action',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, never ahead at build time: its scripts carry the nonce of the
  // response's Content-Security-Policy (server/next-app.ts), and a prerendered page would carry none.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
