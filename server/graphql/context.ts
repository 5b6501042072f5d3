import type { CaptchaGate } from '../captcha/gate.js';
import type { Logger } from '../log.js';
import type { RequestService } from '../requests/service.js';

export interface Services {
  requests: RequestService;
  captcha: CaptchaGate;
  newRequestUrl: string;
}

export interface GraphQLContext extends Services {
  log: Logger;
  clientIp: string;
}
