import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { es } from './i18n/es';

export const metadata: Metadata = { title: es.siteName };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="es-CO">
      <body>{children}</body>
    </html>
  );
}
