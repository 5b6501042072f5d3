import type { MigrationInterface } from 'typeorm';
import { Initial1795607934379 } from './1795607934379-Initial.js';
import { PartnersAuditRateLimits1795610443201 } from './1795610443201-PartnersAuditRateLimits.js';
import { RequestLifecycle1795611647900 } from './1795611647900-RequestLifecycle.js';
import { Applications1795612731136 } from './1795612731136-Applications.js';
import { ApplicantPhone1795614262171 } from './1795614262171-ApplicantPhone.js';
import { AuditIndexByTime1795628711145 } from './1795628711145-AuditIndexByTime.js';
import { TrustworthyApplying1795958893848 } from './1795958893848-TrustworthyApplying.js';
import { FourEyesAndCorrections1795967260388 } from './1795967260388-FourEyesAndCorrections.js';
import { ConsoleSessions1795967305670 } from './1795967305670-ConsoleSessions.js';
import { ConsoleQueue1795967329095 } from './1795967329095-ConsoleQueue.js';
import { ManyInstances1795967514649 } from './1795967514649-ManyInstances.js';
import { DocumentBlobs1795971000000 } from './1795971000000-DocumentBlobs.js';
import { Payments1795979744300 } from './1795979744300-Payments.js';
import { StepTextsAndEmails1795979832175 } from './1795979832175-StepTextsAndEmails.js';
import { CertificateDownloads1795980040333 } from './1795980040333-CertificateDownloads.js';
import { RevokedIndex1795984426169 } from './1795984426169-RevokedIndex.js';
import { CrlNumber1796006280301 } from './1796006280301-CrlNumber.js';

export const sqliteMigrations: (new () => MigrationInterface)[] = [
  Initial1795607934379,
  PartnersAuditRateLimits1795610443201,
  RequestLifecycle1795611647900,
  Applications1795612731136,
  ApplicantPhone1795614262171,
  AuditIndexByTime1795628711145,
  TrustworthyApplying1795958893848,
  FourEyesAndCorrections1795967260388,
  ConsoleSessions1795967305670,
  ConsoleQueue1795967329095,
  ManyInstances1795967514649,
  DocumentBlobs1795971000000,
  Payments1795979744300,
  StepTextsAndEmails1795979832175,
  CertificateDownloads1795980040333,
  RevokedIndex1795984426169,
  CrlNumber1796006280301,
];
