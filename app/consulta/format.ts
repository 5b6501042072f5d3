/** The API's `Date` (yyyy-MM-dd, Bogotá) as the manual shows it: dd/MM/yyyy. */
export function displayDate(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
