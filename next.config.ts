import type { NextConfig } from 'next';

const config: NextConfig = {
  // Pages answer without "X-Powered-By: Next.js": which software serves them is nobody's business.
  poweredByHeader: false,
};

export default config;
