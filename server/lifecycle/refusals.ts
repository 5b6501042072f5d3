import { Refusal } from '../refusals.js';
import type { Stage } from './machine.js';

export interface MoveResult {
  requestNumber: string;
  stage: Stage;
  serialNumber: string | null;
}

/** Why a move did not happen; nothing was written. */
export class MoveRefused extends Refusal {
  readonly code: 'NOT_FOUND' | 'FAILED_PRECONDITION';

  constructor(
    readonly reason: 'NOT_FOUND' | 'ILLEGAL' | 'CONFLICT',
    message: string,
  ) {
    super(message, reason === 'NOT_FOUND' ? {} : { reason });
    this.code = reason === 'NOT_FOUND' ? 'NOT_FOUND' : 'FAILED_PRECONDITION';
  }
}
