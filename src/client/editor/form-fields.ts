/** Value of one field in an autosave request. */
export type FieldValue = string | boolean | null | string[];

/** Controls that never travel in `fields`: they are the request's envelope. */
const ENVELOPE = new Set(['_csrf', 'version']);

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(el: Element): el is Control {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/**
 * Every named control of a form as a plain object, the way the server reads a submit, except:
 * a lone checkbox is a boolean (checked or not, so unchecking is saved too); several checkboxes
 * sharing a name give the array of checked values; a multiple select gives an array; a radio
 * group gives the checked value or null; a name repeated on text inputs gives an array.
 * File inputs, buttons, disabled controls, `_csrf` and `version` are left out.
 */
export function collectFields(form: HTMLFormElement): Record<string, FieldValue> {
  const controls = Array.from(form.elements).filter(isControl);
  const byName = new Map<string, Control[]>();
  for (const el of controls) {
    if (!el.name || el.disabled || ENVELOPE.has(el.name)) continue;
    if (el instanceof HTMLInputElement && ['file', 'submit', 'button', 'reset', 'image'].includes(el.type)) continue;
    const list = byName.get(el.name) ?? [];
    list.push(el);
    byName.set(el.name, list);
  }

  const fields: Record<string, FieldValue> = {};
  for (const [name, list] of byName) {
    const first = list[0]!;
    if (first instanceof HTMLInputElement && first.type === 'checkbox') {
      const boxes = list.filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'checkbox');
      fields[name] = boxes.length === 1 ? first.checked : boxes.filter((b) => b.checked).map((b) => b.value);
    } else if (first instanceof HTMLInputElement && first.type === 'radio') {
      const checked = list.find((el) => el instanceof HTMLInputElement && el.checked);
      fields[name] = checked ? checked.value : null;
    } else if (first instanceof HTMLSelectElement && first.multiple) {
      fields[name] = Array.from(first.selectedOptions, (o) => o.value);
    } else if (list.length > 1) {
      fields[name] = list.map((el) => el.value);
    } else {
      fields[name] = first.value;
    }
  }
  return fields;
}
