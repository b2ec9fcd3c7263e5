import type { FigureAttrs } from './figure-node.ts';
import type { Labels } from './labels.ts';

/** One image of `GET {data-media-url}{query}` → `{ items: MediaItem[] }`. */
export interface MediaItem {
  id: string | number;
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  thumbUrl: string;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number.parseInt(str(value), 10);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

/** The server's message from an error body `{ error: { message } }`, if there is one. */
function errorMessage(body: unknown): string {
  return str((body as { error?: { message?: unknown } } | null)?.error?.message);
}

function parseItems(body: unknown): MediaItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('media response has no items');
  return items.flatMap((raw: unknown): MediaItem[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    const url = str(r.url);
    if (!url || (typeof r.id !== 'string' && typeof r.id !== 'number')) return [];
    return [
      {
        id: r.id,
        url,
        width: num(r.width) ?? 0,
        height: num(r.height) ?? 0,
        alt: str(r.alt),
        caption: str(r.caption),
        credit: str(r.credit),
        thumbUrl: str(r.thumbUrl) || url,
      },
    ];
  });
}

let uid = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function field(label: string, input: HTMLInputElement): HTMLElement {
  input.id = `media-dialog-${++uid}`;
  return el('p', { className: 'media-dialog__field' }, el('label', { htmlFor: input.id }, label), input);
}

/** Where new images go: `POST {url}` (multipart, one `file`) with the CSRF token as a header. */
export interface UploadTarget {
  url: string;
  csrf: string;
}

/**
 * The image picker: a modal <dialog> (appended to <body>, outside the article form, and with no
 * named controls, so autosave never sees it) that searches the media library, shows thumbnails,
 * lets the user pick one or upload a new one, edit alt, caption and credit, then hands back
 * figure attributes.
 */
export class MediaDialog {
  readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLHeadingElement;
  private readonly search: HTMLInputElement;
  private readonly results: HTMLUListElement;
  private readonly message: HTMLParagraphElement;
  private readonly alt: HTMLInputElement;
  private readonly caption: HTMLInputElement;
  private readonly credit: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly file: HTMLInputElement;
  private selected: FigureAttrs | null = null;
  private onDone: ((attrs: FigureAttrs) => void) | null = null;
  private searchTimer: number | null = null;
  private request = 0;

  constructor(
    private readonly mediaUrl: string | null,
    private readonly labels: Labels,
    private readonly upload: UploadTarget | null = null,
  ) {
    const headingId = `media-dialog-title-${++uid}`;
    this.heading = el('h2', { id: headingId, className: 'media-dialog__title' }, labels.dialogTitle);
    this.search = el('input', { type: 'search', autocomplete: 'off' });
    this.results = el('ul', { className: 'media-dialog__results' });
    this.results.setAttribute('aria-label', labels.results);
    this.message = el('p', { className: 'media-dialog__message' });
    this.message.setAttribute('role', 'status');
    this.alt = el('input', { type: 'text' });
    this.caption = el('input', { type: 'text' });
    this.credit = el('input', { type: 'text' });
    this.submit = el('button', { type: 'button', className: 'media-dialog__insert' }, labels.insert);
    const cancel = el('button', { type: 'button', className: 'media-dialog__cancel' }, labels.cancel);
    const searchButton = el('button', { type: 'button', className: 'media-dialog__search-button' }, labels.searchButton);

    this.file = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/gif' });

    const searchRow = el('p', { className: 'media-dialog__search' }, field(labels.search, this.search), searchButton);
    const uploadRow = field(labels.upload, this.file);
    uploadRow.classList.add('media-dialog__upload');
    this.dialog = el(
      'dialog',
      { className: 'media-dialog' },
      this.heading,
      ...(mediaUrl ? [searchRow] : []),
      ...(upload ? [uploadRow] : []),
      ...(mediaUrl ? [this.message, this.results] : [this.message]),
      field(labels.alt, this.alt),
      field(labels.caption, this.caption),
      field(labels.credit, this.credit),
      el('p', { className: 'media-dialog__actions' }, this.submit, cancel),
    );
    this.dialog.setAttribute('aria-labelledby', headingId);
    document.body.append(this.dialog);

    this.search.addEventListener('input', () => {
      if (this.searchTimer !== null) window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => void this.load(), 300);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void this.load();
      }
    });
    searchButton.addEventListener('click', () => void this.load());
    this.file.addEventListener('change', () => void this.uploadChosenFile());
    cancel.addEventListener('click', () => this.dialog.close());
    this.submit.addEventListener('click', () => this.finish());
    for (const input of [this.alt, this.caption, this.credit]) {
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this.finish();
        }
      });
    }
    this.dialog.addEventListener('close', () => {
      this.onDone = null;
    });
  }

  /** Opens the picker; `current` edits an existing figure. `done` gets the new attributes. */
  open(current: FigureAttrs | null, done: (attrs: FigureAttrs) => void): void {
    this.onDone = done;
    this.selected = current ? { ...current } : null;
    this.heading.textContent = current ? this.labels.dialogEditTitle : this.labels.dialogTitle;
    this.submit.textContent = current ? this.labels.update : this.labels.insert;
    this.alt.value = current?.alt ?? '';
    this.caption.value = current?.caption ?? '';
    this.credit.value = current?.credit ?? '';
    this.message.textContent = '';
    this.file.value = '';
    this.dialog.showModal();
    if (this.mediaUrl) {
      void this.load();
      (current ? this.alt : this.search).focus();
    } else {
      this.alt.focus();
    }
  }

  private async load(): Promise<void> {
    if (!this.mediaUrl) return;
    const request = ++this.request;
    this.message.textContent = this.labels.loading;
    this.results.setAttribute('aria-busy', 'true');
    let items: MediaItem[];
    try {
      const response = await fetch(this.mediaUrl + encodeURIComponent(this.search.value.trim()), {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      items = parseItems(await response.json());
    } catch {
      if (request !== this.request) return;
      this.results.replaceChildren();
      this.results.removeAttribute('aria-busy');
      this.message.textContent = this.labels.loadFailed;
      return;
    }
    if (request !== this.request) return;
    this.results.removeAttribute('aria-busy');
    this.message.textContent = items.length ? '' : this.labels.noResults;
    this.results.replaceChildren(...items.map((item) => this.renderItem(item)));
  }

  /** Sends the chosen file to the library; the stored image (or the copy already there) is selected. */
  private async uploadChosenFile(): Promise<void> {
    const file = this.file.files?.[0];
    if (!file || !this.upload) return;
    const request = ++this.request;
    const form = new FormData();
    for (const [name, input] of [['alt', this.alt], ['caption', this.caption], ['credit', this.credit]] as const) form.append(name, input.value.trim());
    form.append('file', file);
    this.message.textContent = this.labels.uploading;
    let item: MediaItem & { duplicate?: boolean };
    try {
      const response = await fetch(this.upload.url, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': this.upload.csrf },
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw new Error(errorMessage(body) || `HTTP ${response.status}`);
      const [first] = parseItems(body);
      if (!first) throw new Error('no image in the answer');
      item = { ...first, duplicate: Boolean((body as { items: { duplicate?: unknown }[] }).items[0]?.duplicate) };
    } catch (error) {
      if (request === this.request) this.message.textContent = this.labels.uploadFailed + (error as Error).message;
      return;
    } finally {
      this.file.value = '';
    }
    if (request !== this.request) return;
    this.results.removeAttribute('aria-busy');
    const rendered = this.renderItem(item);
    this.results.querySelector(`button[data-media-id="${CSS.escape(String(item.id))}"]`)?.closest('li')?.remove();
    this.results.prepend(rendered);
    this.select(item, rendered.querySelector('button')!);
    this.message.textContent = item.duplicate ? this.labels.uploadDuplicate : this.labels.uploaded;
    this.caption.focus();
  }

  private renderItem(item: MediaItem): HTMLLIElement {
    const thumb = el('img', { src: item.thumbUrl, alt: '', loading: 'lazy', decoding: 'async' });
    const label = item.alt || item.caption || String(item.id);
    const button = el('button', { type: 'button', className: 'media-dialog__item', title: label }, thumb, el('span', { className: 'media-dialog__item-label' }, label));
    button.setAttribute('aria-pressed', String(this.selected?.mediaId === String(item.id)));
    button.dataset.mediaId = String(item.id);
    button.addEventListener('click', () => {
      this.select(item, button);
      this.message.textContent = '';
    });
    return el('li', {}, button);
  }

  private select(item: MediaItem, button: HTMLButtonElement): void {
    this.selected = {
      src: item.url,
      alt: item.alt,
      width: item.width || null,
      height: item.height || null,
      mediaId: String(item.id),
      caption: item.caption,
      credit: item.credit,
    };
    this.alt.value = item.alt;
    this.caption.value = item.caption;
    this.credit.value = item.credit;
    for (const other of Array.from(this.results.querySelectorAll('button[aria-pressed]'))) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  }

  private finish(): void {
    if (!this.selected) {
      this.message.textContent = this.labels.pickFirst;
      return;
    }
    const attrs: FigureAttrs = {
      ...this.selected,
      alt: this.alt.value.trim(),
      caption: this.caption.value.trim(),
      credit: this.credit.value.trim(),
    };
    const done = this.onDone;
    this.dialog.close();
    done?.(attrs);
  }
}
