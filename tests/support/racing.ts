import type { IdType } from '../../entities/domain.js';
import type { Scenario, ScenarioStep } from '../../server/demo/scenarios.js';
import type { Stage } from '../../server/lifecycle/machine.js';
import { STEP_TEXT } from '../../server/lifecycle/step-texts.js';

/** The stages a race starts from: those a scenario's steps can hold. */
export type Seeded = Exclude<Stage, 'AWAITING_CORRECTION' | 'EXPIRED' | 'REVOKED' | 'REJECTED' | 'CANCELLED'>;

const day = 86_400_000;
const STEPS: Record<Seeded, (at: Date) => ScenarioStep[]> = {
  AWAITING_FILING: (at) => [{ kind: 'FILING', state: 'IN_PROGRESS', at, information: STEP_TEXT.filingReview }],
  AWAITING_PAYMENT: (at) => [
    { kind: 'FILING', state: 'COMPLETED', at, information: STEP_TEXT.filed },
    { kind: 'PAYMENT', state: 'IN_PROGRESS', at, information: STEP_TEXT.paymentReview },
  ],
  AWAITING_APPROVAL: (at) => [
    ...STEPS.AWAITING_PAYMENT(at).slice(0, 1),
    { kind: 'PAYMENT', state: 'COMPLETED', at, information: STEP_TEXT.paid },
    { kind: 'APPROVAL', state: 'IN_PROGRESS', at, information: STEP_TEXT.approvalReview },
  ],
  AWAITING_DELIVERY: (at) => [
    ...STEPS.AWAITING_APPROVAL(at).slice(0, 2),
    { kind: 'APPROVAL', state: 'COMPLETED', at, information: STEP_TEXT.approved },
    { kind: 'DELIVERY', state: 'IN_PROGRESS', at, information: STEP_TEXT.deliveryReady },
  ],
  ISSUED: (at) => [
    ...STEPS.AWAITING_DELIVERY(at).slice(0, 3),
    { kind: 'DELIVERY', state: 'COMPLETED', at, information: STEP_TEXT.delivered },
    { kind: 'VALIDITY', state: 'VALID', at, information: STEP_TEXT.valid },
  ],
};

let nextNumber = 900_001;

/** Scenario "race-<n>": one person with one request at `stage`, made for one race. */
export function raceScenario(stage: Seeded): Scenario {
  const n = nextNumber++;
  const at = new Date(Date.now() - 2 * day);
  const applicant = { idType: 'CC' as IdType, idNumber: String(80_000_000 + n), fullName: 'PERSONA CARRERA PRUEBA', email: `carrera${n}@example.com` };
  const issued = stage === 'ISSUED';
  return {
    name: `race-${n}`,
    description: `A request at ${stage}, raced by several operators at once.`,
    applicant,
    lookup: applicant,
    requests: [
      {
        requestNumber: n,
        orderNumber: n,
        certificateType: 'PERSONA_NATURAL',
        status: issued ? 'COMPLETED' : 'IN_PROGRESS',
        ...(issued ? { issuedAt: at, validFrom: at, validTo: new Date(at.getTime() + 730 * day), serialNumber: (0x10 + (n % 0x60)).toString(16) + n.toString(16).padStart(30, '0') } : {}),
        steps: STEPS[stage](at),
      },
    ],
  };
}

/** What a racer got: OK, or the refusal's code and reason; anything else is spelled out so the test shows it. */
export function outcome(answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }): string {
  const error = answer.errors?.[0];
  return error ? `${String(error.extensions?.code)}:${String(error.extensions?.reason ?? error.message)}` : 'OK';
}

