import type { CombinedError } from '@urql/next';
import { format, type Messages } from '../i18n';

export { displayDate, displayInstantDate } from '../consulta/format';

const bogotaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as its Bogotá date and time: dd/MM/yyyy HH:mm. */
export function displayDateTime(instant: string): string {
  const parts = Object.fromEntries(bogotaTime.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export function displaySize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function ageText(days: number, t: Messages['console']): string {
  return days === 1 ? t.queue.ageOne : format(t.queue.age, { n: days });
}

/**
 * What a console request's failure says to the operator: the service's own sentence for a
 * refusal (its messages are Spanish and say what to do), ours for a lost connection.
 */
export function consoleErrorMessage(error: CombinedError, t: Messages['console']): string {
  const first = error.graphQLErrors[0];
  if (first?.extensions?.code === 'UNAUTHENTICATED') return t.sessionEnded;
  return first?.message ?? t.failed;
}
