import type { Editor } from '@tiptap/core';
import type { Labels } from './labels.ts';

interface ToolbarButton {
  key: string;
  /** Visible text, short. */
  text: string;
  /** Accessible name, full. */
  label: string;
  shortcut?: string;
  run: () => void;
  /** Toggle buttons report their state with aria-pressed; commands (undo, insert) do not. */
  isActive?: () => boolean;
  isEnabled?: () => boolean;
  /** Starts a new group (a visual separator). */
  group?: boolean;
}

export interface ToolbarActions {
  editLink(): void;
  insertImage(): void;
}

/**
 * The formatting toolbar: real buttons in a role="toolbar" with one tab stop (arrow keys, Home
 * and End move between buttons, as the WAI-ARIA toolbar pattern asks), refreshed on every
 * editor transaction.
 */
export function createToolbar(editor: Editor, labels: Labels, actions: ToolbarActions, controls: string): HTMLElement {
  const chain = () => editor.chain().focus();
  const specs: ToolbarButton[] = [
    { key: 'paragraph', text: labels.paragraph, label: labels.paragraphLabel, shortcut: 'Mod-Alt-0', run: () => chain().setParagraph().run(), isActive: () => editor.isActive('paragraph') },
    { key: 'heading2', text: labels.heading2, label: labels.heading2, shortcut: 'Mod-Alt-2', run: () => chain().toggleHeading({ level: 2 }).run(), isActive: () => editor.isActive('heading', { level: 2 }) },
    { key: 'heading3', text: labels.heading3, label: labels.heading3, shortcut: 'Mod-Alt-3', run: () => chain().toggleHeading({ level: 3 }).run(), isActive: () => editor.isActive('heading', { level: 3 }) },
    { key: 'bold', text: 'B', label: labels.bold, shortcut: 'Mod-B', group: true, run: () => chain().toggleBold().run(), isActive: () => editor.isActive('bold') },
    { key: 'italic', text: 'I', label: labels.italic, shortcut: 'Mod-I', run: () => chain().toggleItalic().run(), isActive: () => editor.isActive('italic') },
    { key: 'link', text: labels.link, label: labels.link, shortcut: 'Mod-K', run: () => actions.editLink(), isActive: () => editor.isActive('link') },
    { key: 'bulletList', text: '•', label: labels.bulletList, group: true, shortcut: 'Mod-Shift-8', run: () => chain().toggleBulletList().run(), isActive: () => editor.isActive('bulletList') },
    { key: 'orderedList', text: '1.', label: labels.orderedList, shortcut: 'Mod-Shift-7', run: () => chain().toggleOrderedList().run(), isActive: () => editor.isActive('orderedList') },
    { key: 'blockquote', text: '“”', label: labels.quote, shortcut: 'Mod-Shift-B', run: () => chain().toggleBlockquote().run(), isActive: () => editor.isActive('blockquote') },
    { key: 'insertImage', text: labels.insertImage, label: labels.insertImage, group: true, run: () => actions.insertImage() },
    { key: 'undo', text: '↶', label: labels.undo, shortcut: 'Mod-Z', group: true, run: () => chain().undo().run(), isEnabled: () => editor.can().undo() },
    { key: 'redo', text: '↷', label: labels.redo, shortcut: 'Mod-Shift-Z', run: () => chain().redo().run(), isEnabled: () => editor.can().redo() },
  ];

  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const shortcutText = (s: string): string => s.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Alt', mac ? '⌥' : 'Alt');

  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', labels.toolbar);
  toolbar.setAttribute('aria-controls', controls);

  const buttons = specs.map((spec, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `editor-toolbar__button editor-toolbar__button--${spec.key}`;
    if (spec.group && index > 0) button.classList.add('editor-toolbar__button--group');
    button.textContent = spec.text;
    button.setAttribute('aria-label', spec.label);
    if (spec.shortcut) {
      button.setAttribute('aria-keyshortcuts', spec.shortcut.replace('Mod', mac ? 'Meta' : 'Control'));
      button.title = `${spec.label} (${shortcutText(spec.shortcut)})`;
    } else {
      button.title = spec.label;
    }
    button.dataset.command = spec.key;
    button.tabIndex = index === 0 ? 0 : -1;
    // Keep the editor's selection: a mousedown on a button would otherwise blur it first.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      spec.run();
      refresh();
    });
    toolbar.append(button);
    return button;
  });

  const refresh = (): void => {
    specs.forEach((spec, i) => {
      const button = buttons[i]!;
      if (spec.isActive) button.setAttribute('aria-pressed', String(spec.isActive()));
      if (spec.isEnabled) button.disabled = !spec.isEnabled();
    });
  };

  toolbar.addEventListener('keydown', (event) => {
    const enabled = buttons.filter((b) => !b.disabled);
    const current = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    let next: number;
    if (event.key === 'ArrowRight') next = (current + 1) % enabled.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + enabled.length) % enabled.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = enabled.length - 1;
    else return;
    event.preventDefault();
    const target = enabled[next]!;
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  });
  // Roving tab stop follows clicks too, and never rests on a disabled button.
  toolbar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) for (const b of buttons) b.tabIndex = b === event.target ? 0 : -1;
  });

  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
  const keepTabStop = (): void => {
    if (buttons.some((b) => b.tabIndex === 0 && !b.disabled)) return;
    const first = buttons.find((b) => !b.disabled);
    for (const b of buttons) b.tabIndex = b === first ? 0 : -1;
  };
  editor.on('transaction', keepTabStop);
  return toolbar;
}
