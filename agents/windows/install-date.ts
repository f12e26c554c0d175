/**
 * The registry InstallDate "YYYYMMDD" as "YYYY-MM-DD". Installers write
 * whatever they like here ("1/15/2024", "0", "19700101"), so anything that is
 * not a real calendar date from 1990 on is dropped rather than guessed.
 */
export function installDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day] = match;
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
  return real && Number(year) >= 1990 ? iso : undefined;
}
