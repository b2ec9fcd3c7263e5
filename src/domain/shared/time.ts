/** Times are stored as ISO-8601 UTC strings and shown in the site's time zone. */

export function nowIso(): string {
  return new Date().toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * formatToParts is slow (tens of µs) and a page formats dozens of dates, most of them the same
 * few hundred recent ones; remember recent answers. Cleared when full, so it stays small.
 */
const recentParts = new Map<string, Record<string, string>>();
const RECENT_PARTS_MAX = 20_000;

function partsIn(iso: string, timeZone: string): Record<string, string> {
  const key = `${timeZone} ${iso}`;
  const known = recentParts.get(key);
  if (known) return known;
  if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear();
  const parts = computeParts(iso, timeZone);
  recentParts.set(key, parts);
  return parts;
}

function computeParts(iso: string, timeZone: string): Record<string, string> {
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

/** Minutes the zone is ahead of UTC at that instant (Asia/Shanghai: 480). */
function zoneOffsetMinutes(utcMillis: number, timeZone: string): number {
  const p = partsIn(new Date(utcMillis).toISOString(), timeZone);
  const asIfUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asIfUtc - Math.floor(utcMillis / 60_000) * 60_000) / 60_000);
}

/** "2025-05-19T10:28" (seconds optional) typed in the site's zone → ISO UTC; undefined when malformed. */
export function localToIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(guess)) return undefined;
  return new Date(guess - zoneOffsetMinutes(guess, timeZone) * 60_000).toISOString();
}

/** ISO UTC → "2025-05-19T10:28" in the zone, for datetime-local inputs. */
export function isoToLocal(iso: string, timeZone: string): string {
  return formatMinute(iso, timeZone).replace(' ', 'T');
}
