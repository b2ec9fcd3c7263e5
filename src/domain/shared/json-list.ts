/** Lists (reporters, keywords) are stored as JSON text so both dialects read them the same way. */
export function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function stringifyList(list: readonly string[]): string {
  return JSON.stringify(list.map((item) => item.trim()).filter(Boolean));
}
