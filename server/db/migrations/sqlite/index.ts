import type { MigrationInterface } from 'typeorm';
import { Initial1795607934379 } from './1795607934379-Initial.js';

export const sqliteMigrations: (new () => MigrationInterface)[] = [
  Initial1795607934379,
];
