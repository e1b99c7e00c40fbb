// Dates are typed the Norwegian way (dd.mm.åååå) and sent to the API as YYYY-MM-DD. Anything that
// is not a date in that form is sent as typed, so the server's message explains what is wrong.
export function toIsoDate(input: string): string {
  const text = input.trim();
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!match) return text;
  const [, d, m, y] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** YYYY-MM-DD back to dd.mm.åååå, for edit forms. */
export function fromIsoDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}
