/** Text made safe inside HTML, an element's content or an attribute's quoted value: the five characters that could end either, as numeric references. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
