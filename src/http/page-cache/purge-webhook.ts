/**
 * Tells an external cache (CDN, reverse proxy) which Surrogate-Keys to drop. Purges that happen
 * together are sent as one call; a slow or failing hook never holds up a request.
 */
export function createPurgeNotifier(
  urlOf: () => Promise<string>,
  log: { warn: (obj: object, msg: string) => void },
  timeoutMs = 5000,
): (tags: readonly string[]) => void {
  let pending: Set<string> | undefined;
  return (tags) => {
    if (pending) {
      for (const tag of tags) pending.add(tag);
      return;
    }
    pending = new Set(tags);
    queueMicrotask(() => {
      const keys = [...(pending ?? [])];
      pending = undefined;
      void send(keys);
    });
  };

  async function send(keys: string[]): Promise<void> {
    try {
      const url = await urlOf();
      if (!url) return;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ keys }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) log.warn({ status: response.status, keys }, 'purge webhook answered with an error');
    } catch (error) {
      log.warn({ err: error, keys }, 'purge webhook failed');
    }
  }
}
