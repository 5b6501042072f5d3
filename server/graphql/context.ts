import type { ApplicationService } from '../applications/application-service.js';
import type { CaptchaGate } from '../captcha/gate.js';
import type { DownloadService } from '../certificates/download-service.js';
import type { ExpiryReminders } from '../certificates/expiry-reminders.js';
import type { ConsoleService } from '../console/console-service.js';
import type { LifecycleService } from '../lifecycle/lifecycle-service.js';
import type { Logger } from '../log.js';
import type { Caller } from '../partners/partner-service.js';
import type { PublicLookup } from '../requests/public-lookup.js';

export interface Services {
  lookup: PublicLookup;
  lifecycle: LifecycleService;
  /** A delivered certificate's download link and its issuing (server/certificates/). */
  downloads: DownloadService;
  /** The renewal links of the reminders before expiry. */
  renewals: ExpiryReminders;
  applications: ApplicationService;
  captcha: CaptchaGate;
  /** The operators' console, read side. */
  console: ConsoleService;
  /** Spends one draft opening of the client's address (RATE_LIMIT_DRAFT_IP); RateLimited past it. */
  limitDraftOpening: (ip: string) => Promise<void>;
  /** Spends one code e-mail to `email` asked from `ip` (RATE_LIMIT_CODE_EMAIL); ApplicationRefused past it. */
  limitCodeEmail: (email: string, ip: string) => Promise<void>;
  newRequestUrl: string;
  detailNeedsOrderNumber: boolean;
}

export interface GraphQLContext extends Services {
  log: Logger;
  caller: Caller;
}
