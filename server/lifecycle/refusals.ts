import type { Stage } from './machine.js';

export interface MoveResult {
  requestNumber: string;
  stage: Stage;
  serialNumber: string | null;
}

/** Why a move did not happen; nothing was written. */
export class MoveRefused extends Error {
  constructor(
    readonly reason: 'NOT_FOUND' | 'ILLEGAL' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}
