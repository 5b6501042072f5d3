import 'server-only';
import { z } from 'zod';

// The institution's settings, validated by the server's configuration (server/config.ts,
// variables in .env.example) and handed to the pages as JSON in SSPS_SITE at start.
const siteSchema = z.object({
  orgName: z.string(),
  newRequestUrl: z.string(),
  callCenter: z.object({ bogota: z.string(), national: z.string() }),
  colors: z.object({ brand: z.string(), accent: z.string() }),
  legal: z.record(z.enum(['terminos', 'privacidad']), z.record(z.enum(['es', 'en']), z.object({ version: z.string(), title: z.string(), paragraphs: z.array(z.string()) }))),
});

export type Site = z.infer<typeof siteSchema>;

let parsed: Site | undefined;

/** Read once: the settings are fixed for the life of the process. */
export function site(): Site {
  if (parsed) return parsed;
  const raw = process.env.SSPS_SITE;
  if (!raw) throw new Error('SSPS_SITE is not set: start the pages through the SSPS server (npm start), not `next start`.');
  parsed = siteSchema.parse(JSON.parse(raw));
  return parsed;
}
