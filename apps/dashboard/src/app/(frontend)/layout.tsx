import type { Metadata } from 'next';
import type React from 'react';

/** Title and description of the public site. */
export const metadata: Metadata = {
  title: 'LegoCity',
  description: 'Live city data on maps and dashboards.',
};

/** Root layout of the public site (route groups each have their own root layout). */
export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
