import type { DataSource } from 'typeorm';
import { Applicant, CertificateRequest, CertificateType, RequestStep } from '../../entities/index.js';
import { continueNumbers } from '../lifecycle/numbers.js';
import { requeue } from '../lifecycle/queue.js';
import { storedText, stepTextOf } from '../lifecycle/step-texts.js';
import { buildScenarios, CERTIFICATE_TYPES, type Scenario } from './scenarios.js';

/**
 * Loads the certificate-type catalog and the demo scenarios, in one transaction.
 * Idempotent: a type or a person already present is left as it is.
 */
export async function seed(dataSource: DataSource, scenarios: Scenario[] = buildScenarios()): Promise<{ people: number; requests: number }> {
  return dataSource.transaction(async (manager) => {
    const types = manager.getRepository(CertificateType);
    for (const type of CERTIFICATE_TYPES) {
      if (!(await types.existsBy({ code: type.code }))) await types.insert({ ...type });
    }
    const typeIds = new Map((await types.find()).map((t) => [t.code, t.id]));
    let people = 0;
    let requests = 0;
    const added: number[] = [];
    for (const scenario of scenarios) {
      const person = scenario.applicant;
      if (!person) continue;
      if (await manager.existsBy(Applicant, { idType: person.idType, idNumber: person.idNumber })) continue;
      const applicant = await manager.save(Applicant, manager.create(Applicant, person));
      people++;
      for (const r of scenario.requests) {
        const request = await manager.save(
          CertificateRequest,
          manager.create(CertificateRequest, {
            requestNumber: r.requestNumber,
            orderNumber: r.orderNumber,
            applicantId: applicant.id,
            holderName: r.holderName ?? person.fullName,
            company: r.company ?? null,
            project: r.project ?? null,
            certificateTypeId: typeIds.get(r.certificateType)!,
            status: r.status,
            issuedAt: r.issuedAt ?? null,
            serialNumber: r.serialNumber ?? null,
            validFrom: r.validFrom ?? null,
            validTo: r.validTo ?? null,
            revokedAt: r.revokedAt ?? null,
            revocationReason: r.revocationReason ?? null,
            contactEmail: person.email,
            // Filed when its first step was written, so the queue's ages are the scenario's.
            ...(r.steps.length > 0 ? { createdAt: new Date(Math.min(...r.steps.map((s) => s.at.getTime()))) } : {}),
          }),
        );
        requests++;
        added.push(request.id);
        await manager.insert(
          RequestStep,
          r.steps.map((s) => ({
            requestId: request.id,
            kind: s.kind,
            state: s.state,
            modifiedAt: s.at,
            information: s.information,
            // Stored as a move stores it: the sentence's code, so it reads in English too.
            ...storedText(stepTextOf(s.information)),
            invoiceUrl: s.invoiceUrl ?? null,
          })),
        );
      }
    }
    // New applications continue the demo's numbers, as they would a real register's.
    await continueNumbers(manager);
    await requeue(manager, added);
    return { people, requests };
  });
}

export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Applicant).count()) === 0;
}
