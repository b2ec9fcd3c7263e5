/**
 * The article editor island. The server renders the editor page as a plain form that works
 * without JavaScript; this script enhances `[data-editor]` fields in it:
 *
 *   <form id="article-form" method="post" action="…">
 *     <input type="hidden" name="version" value="N">
 *     <input type="hidden" name="_csrf" value="TOKEN">
 *     <div class="editor-field" data-editor
 *          data-autosave-url="/admin/api/articles/ID/autosave"   (absent for a new article)
 *          data-media-url="/admin/api/media?q="
 *          data-upload-url="/admin/api/media"                    (absent: no upload in the picker)
 *          data-csrf="TOKEN">
 *       <textarea id="body-html" name="bodyHtml">…sanitised HTML…</textarea>
 *     </div>
 *   </form>
 *
 * The textarea is hidden and kept equal to the editor's HTML, so a normal submit sends the body.
 * The schema is the server's sanitiser allowlist (src/domain/articles/rich-text.ts).
 */
import { Editor, Extension } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { startAutosave } from './autosave.ts';
import { Figure, type FigureAttrs } from './figure-node.ts';
import { labelsFor, type Labels } from './labels.ts';
import { MediaDialog } from './media-dialog.ts';
import { cleanPastedHtml } from './paste-cleaner.ts';
import { normaliseLinkUrl } from './link-url.ts';
import { Subscript, Superscript } from './script-marks.ts';
import { createToolbar } from './toolbar.ts';
import './editor.css';

declare global {
  interface Window {
    /** The editor of the page's first editor field (for tests and the browser console). */
    inkstoneEditor?: Editor;
  }
}

/** The HTML the form sends: empty paragraphs (the editor's trailing one) go, as the server drops them too. */
function bodyHtmlOf(editor: Editor): string {
  if (editor.isEmpty) return '';
  return editor.getHTML().replace(/<p><\/p>/g, '');
}

function ensureStatus(after: HTMLElement): HTMLElement {
  const existing = document.getElementById('save-status');
  if (existing) return existing;
  const status = document.createElement('p');
  status.id = 'save-status';
  status.className = 'editor-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  after.after(status);
  return status;
}

function editLink(editor: Editor, labels: Labels): void {
  const current = editor.getAttributes('link').href as string | undefined;
  const answer = window.prompt(labels.linkPrompt, current ?? 'https://');
  if (answer === null) return;
  if (!answer.trim() || answer.trim() === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  const href = normaliseLinkUrl(answer);
  if (!href) {
    window.alert(labels.linkInvalid);
    return;
  }
  const { empty } = editor.state.selection;
  if (empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text.
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] })
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

function mount(field: HTMLElement, first: boolean): void {
  const textarea = field.querySelector<HTMLTextAreaElement>('textarea');
  if (!textarea || field.dataset.editorMounted) return;
  const form = textarea.form ?? field.closest('form');
  if (!form) return;
  field.dataset.editorMounted = 'true';
  const labels = labelsFor(document);
  const csrfToken = field.dataset.csrf ?? form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const versionInput = form.querySelector<HTMLInputElement>('input[name="version"]');

  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;

  const mountPoint = document.createElement('div');
  mountPoint.className = 'editor-surface';
  const contentId = `${textarea.id || 'body'}-editor`;
  const dialog = new MediaDialog(field.dataset.mediaUrl || null, labels, field.dataset.uploadUrl ? { url: field.dataset.uploadUrl, csrf: csrfToken } : null);

  // Late-bound: the figure extension needs a callback that needs the editor.
  let openFigureDialog: (current: FigureAttrs | null, pos: number | null) => void = () => {};

  const LinkShortcut = Extension.create({
    name: 'inkstoneLinkShortcut',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          editLink(this.editor, labels);
          return true;
        },
      };
    },
  });

  // Inside a disabled fieldset (the writer may not save this story): shown, not editable, never autosaved.
  const readOnly = textarea.matches(':disabled');

  const editor = new Editor({
    element: mountPoint,
    editable: !readOnly,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          isAllowedUri: (url) => normaliseLinkUrl(url) !== null && !/^javascript:/i.test(url.trim()),
          // The sanitiser keeps only href/title/rel and sets rel itself; render what it stores.
          HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
        },
      }),
      Figure.configure({
        hint: labels.figureHint,
        onEdit: (attrs, pos) => openFigureDialog(attrs, pos),
      }),
      Subscript,
      Superscript,
      LinkShortcut,
    ],
    editorProps: {
      attributes: {
        id: contentId,
        class: 'editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': labels.editorArea }),
      },
      transformPastedHTML: cleanPastedHtml,
    },
  });

  openFigureDialog = (current, pos) => {
    dialog.open(current, (attrs) => {
      if (pos === null) {
        // With a figure selected, the new one goes after it instead of replacing it.
        const { selection } = editor.state;
        const figure = { type: 'figure', attrs };
        if (selection instanceof NodeSelection) editor.chain().focus().insertContentAt(selection.to, figure).run();
        else editor.chain().focus().insertContent(figure).run();
      } else {
        editor
          .chain()
          .focus()
          .command(({ tr }) => {
            const node = tr.doc.nodeAt(pos);
            if (!node || node.type.name !== 'figure') return false;
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
            return true;
          })
          .setNodeSelection(pos)
          .run();
      }
    });
  };

  const toolbar = createToolbar(
    editor,
    labels,
    {
      editLink: () => editLink(editor, labels),
      insertImage: () => openFigureDialog(null, null),
    },
    contentId,
  );

  // The textarea stays in the form (it is what gets submitted) but out of sight and out of the
  // way of validation: a hidden required control would block the submit.
  textarea.hidden = true;
  textarea.required = false;
  textarea.setAttribute('aria-hidden', 'true');
  textarea.tabIndex = -1;
  textarea.after(toolbar, mountPoint);
  toolbar.hidden = readOnly;
  const status = ensureStatus(toolbar);
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  field.classList.add('is-enhanced');

  const sync = (): void => {
    textarea.value = bodyHtmlOf(editor);
  };
  // Keep the round trip exact from the start (the editor normalises markup as it loads).
  sync();

  const autosave = startAutosave({
    url: readOnly ? null : field.dataset.autosaveUrl || null,
    form,
    csrfToken,
    versionInput,
    status,
    alertHost: field,
    labels,
    flush: sync,
  });
  editor.on('update', () => {
    sync();
    autosave.markDirty();
  });
  // Metadata fields count as changes too (title, summary, flags, …).
  const onFieldChange = (event: Event): void => {
    if (event.target instanceof Element && !mountPoint.contains(event.target)) autosave.markDirty();
  };
  form.addEventListener('input', onFieldChange);
  form.addEventListener('change', onFieldChange);

  if (first) window.inkstoneEditor = editor;
}

function start(): void {
  const fields = document.querySelectorAll<HTMLElement>('[data-editor]');
  fields.forEach((field, i) => mount(field, i === 0));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
