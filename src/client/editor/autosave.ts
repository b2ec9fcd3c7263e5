import { collectFields } from './form-fields.ts';
import type { Labels } from './labels.ts';

export interface AutosaveOptions {
  /** POST target; null for an article that has not been saved yet (nothing is autosaved). */
  url: string | null;
  form: HTMLFormElement;
  csrfToken: string;
  /** `<input type="hidden" name="version">`, updated after every successful save. */
  versionInput: HTMLInputElement | null;
  /** `<p id="save-status" role="status" aria-live="polite">`. */
  status: HTMLElement;
  /** The conflict alert is inserted as this element's first child. */
  alertHost: HTMLElement;
  labels: Labels;
  /** Brings the form up to date (the body textarea) before its fields are read. */
  flush: () => void;
  intervalMs?: number;
}

export interface Autosave {
  /** Something changed: schedule a save (at most one every interval). */
  markDirty(): void;
  /** Saves now unless a save is running, nothing changed, or autosave has stopped. */
  saveNow(options?: { keepalive?: boolean }): Promise<void>;
  readonly dirty: boolean;
  readonly stopped: boolean;
}

/** Keepalive requests may carry at most 64 KiB in total; a longer body is sent normally. */
const KEEPALIVE_LIMIT = 60_000;
const MAX_RETRY_MS = 60_000;

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function clockTime(iso: unknown): string {
  const parsed = typeof iso === 'string' ? new Date(iso) : new Date(Number.NaN);
  const d = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  return `${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}:${twoDigits(d.getSeconds())}`;
}

function versionOf(input: HTMLInputElement | null): number | string | null {
  if (!input) return null;
  return /^\d+$/.test(input.value) ? Number(input.value) : input.value;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function conflictMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() ? message : null;
}

/**
 * Autosave for the article form: POST `{ version, fields }` as JSON with `x-csrf-token`, one
 * request at a time, `intervalMs` after a change and when the page is hidden. 200 updates the
 * version; 409 stops autosaving and shows the server's message as an alert (nothing is retried,
 * so nothing is overwritten); anything else shows a failure and retries with backoff. Also warns
 * before leaving with unsaved changes and holds a form submit until a running save has finished,
 * so the submit carries the newest version. 401 and 403 stop it too, with a message saying why.
 */
export function startAutosave(options: AutosaveOptions): Autosave {
  const { url, form, csrfToken, versionInput, status, alertHost, labels, flush } = options;
  const intervalMs = options.intervalMs ?? 5_000;

  let dirty = false;
  let generation = 0;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let submitting = false;
  let timer: number | null = null;
  let failures = 0;

  const schedule = (ms: number): void => {
    if (!url || stopped || submitting || timer !== null) return;
    timer = window.setTimeout(() => {
      timer = null;
      void saveNow();
    }, ms);
  };

  const clearTimer = (): void => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
  };

  const showConflict = (message: string): void => {
    status.textContent = message;
    status.dataset.state = 'conflict';
    let alert = alertHost.querySelector<HTMLElement>('#edit-conflict');
    if (!alert) {
      alert = document.createElement('div');
      alert.id = 'edit-conflict';
      alert.className = 'editor-alert';
      alert.setAttribute('role', 'alert');
      alertHost.prepend(alert);
    }
    alert.textContent = message;
  };

  const attempt = async (keepalive: boolean): Promise<void> => {
    const savedGeneration = generation;
    flush();
    const body = JSON.stringify({ version: versionOf(versionInput), fields: collectFields(form) });
    status.dataset.state = 'saving';
    let response: Response;
    try {
      response = await fetch(url!, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, accept: 'application/json' },
        body,
        keepalive: keepalive && body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      return failed();
    }
    const json = await readJson(response);
    if (response.status === 409) {
      stopped = true;
      clearTimer();
      showConflict(conflictMessage(json) ?? labels.conflictFallback);
      return;
    }
    // Signed out, or no longer allowed: retrying cannot succeed (a new sign-in has a new CSRF
    // token), so stop and say so instead of promising a retry while the writer keeps typing.
    if (response.status === 401 || response.status === 403) {
      stopped = true;
      clearTimer();
      showConflict(response.status === 401 ? labels.sessionLost : labels.saveRefused);
      return;
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (!response.ok || (typeof version !== 'number' && typeof version !== 'string')) return failed();
    failures = 0;
    if (versionInput) versionInput.value = String(version);
    if (generation === savedGeneration) dirty = false;
    status.textContent = labels.savedAt.replace('{time}', clockTime((json as { savedAt?: unknown }).savedAt));
    status.dataset.state = 'saved';
    if (dirty) schedule(intervalMs);
  };

  const failed = (): void => {
    failures += 1;
    status.textContent = labels.saveFailed;
    status.dataset.state = 'failed';
    schedule(Math.min(intervalMs * 2 ** (failures - 1), MAX_RETRY_MS));
  };

  const saveNow = (opts: { keepalive?: boolean } = {}): Promise<void> => {
    if (!url || stopped || submitting || inFlight || !dirty) return inFlight ?? Promise.resolve();
    clearTimer();
    inFlight = attempt(opts.keepalive ?? false).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void saveNow({ keepalive: true });
  });

  window.addEventListener('beforeunload', (event) => {
    if (!dirty || submitting) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = labels.unsaved;
  });

  form.addEventListener('submit', (event) => {
    if (inFlight) {
      // Let the running save land first so the form sends the version it produced.
      event.preventDefault();
      const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
      void inFlight.then(() => form.requestSubmit(submitter));
      return;
    }
    submitting = true;
    clearTimer();
    // Another script may still cancel the submit; then we are editing again.
    window.setTimeout(() => {
      if (event.defaultPrevented) submitting = false;
    }, 0);
  });

  return {
    markDirty() {
      generation += 1;
      dirty = true;
      if (!inFlight) schedule(intervalMs);
    },
    saveNow,
    get dirty() {
      return dirty;
    },
    get stopped() {
      return stopped;
    },
  };
}
