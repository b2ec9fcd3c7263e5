const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * An absolute http, https or mailto URL (the schemes the server's sanitiser keeps), or null.
 * A bare address gets a scheme: "name@example.com" → mailto:, "www.example.com/x" → https://.
 */
export function normaliseLinkUrl(input: string): string | null {
  let value = input.trim();
  if (!value) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    if (/^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(value)) value = `mailto:${value}`;
    else if (/^(\/\/)?[^\s/]+\.[^\s/]+/.test(value)) value = `https://${value.replace(/^\/\//, '')}`;
    else return null;
  }
  try {
    const url = new URL(value);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
