/** The API's `Date` (yyyy-MM-dd, Bogotá) as the manual shows it: dd/MM/yyyy. */
export function displayDate(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

const bogota = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The API's `DateTime` (an instant) as the Bogotá date it falls on, dd/MM/yyyy. */
export function displayInstantDate(instant: string | null | undefined): string {
  if (!instant) return '';
  return displayDate(bogota.format(new Date(instant)));
}

const pesos = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** Pesos as Colombians write them, whatever the page's language: "$ 190.400". */
export function formatCop(amount: number): string {
  return pesos.format(amount);
}
