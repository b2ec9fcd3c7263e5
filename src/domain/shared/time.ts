/** Times are stored as ISO-8601 UTC strings and shown in the site's time zone. */

export function nowIso(): string {
  return new Date().toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(iso: string, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return parts;
}

/** "2025-05-19 10:28": the publish time as the seed page shows it, to the minute. */
export function formatMinute(iso: string, timeZone: string): string {
  const p = partsIn(iso, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2025-05-19" in the given zone. */
export function formatDate(iso: string, timeZone: string): string {
  const p = partsIn(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** ["2025", "05", "19"] in the given zone, for dated article URLs. */
export function dateSegments(iso: string, timeZone: string): [string, string, string] {
  const p = partsIn(iso, timeZone);
  return [p.year ?? '1970', p.month ?? '01', p.day ?? '01'];
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
