// A paragraph's inlines ↔ the DOM of its contentEditable: text is text; a figure is a
// non-editable chip (<span data-key>) showing its value or sentence; a hand-typed figure is a chip
// marked 人工录入 (<span data-manual>). DOM nodes are built with createElement/textContent, never
// innerHTML, so report text cannot inject markup.
import { formatValue, normalizeInlines, type Inline } from '../../modules/reports/document.ts';
import type { ShownFigure } from './types.ts';

export function chipText(i: Inline, figures: Record<string, ShownFigure>): string {
  if (i.t === 'manual') return i.text;
  if (i.t !== 'fact') return i.text;
  const f = figures[i.key];
  if (!f) return '［数据缺失］';
  return i.form === 'value' ? formatValue(f.value) : f.sentence;
}

export function chipTitle(i: Inline, figures: Record<string, ShownFigure>): string {
  if (i.t === 'manual') return '人工录入的数字（不随记录更新）';
  if (i.t !== 'fact') return '';
  const f = figures[i.key];
  if (!f) return '数据项不存在';
  const changed = f.previous !== undefined ? `（原为${formatValue(f.previous)}${f.unit}）` : '';
  return `${f.label}：${formatValue(f.value)}${f.unit}${changed}，点击查看记录`;
}

function chipClass(i: Inline, figures: Record<string, ShownFigure>): string {
  if (i.t === 'manual') return 'fig fig-manual';
  if (i.t !== 'fact') return '';
  const f = figures[i.key];
  return [
    'fig',
    i.form === 'sentence' ? 'fig-sentence' : 'fig-value',
    f?.previous !== undefined ? 'fig-changed' : '',
    !f || f.missing ? 'fig-missing' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function renderInlines(
  el: HTMLElement,
  inlines: Inline[],
  figures: Record<string, ShownFigure>,
): void {
  el.replaceChildren();
  for (const i of inlines) {
    if (i.t === 'text') {
      el.append(document.createTextNode(i.text));
      continue;
    }
    const span = document.createElement('span');
    span.contentEditable = 'false';
    span.className = chipClass(i, figures);
    span.title = chipTitle(i, figures);
    span.textContent = chipText(i, figures);
    if (i.t === 'fact') {
      span.dataset.key = i.key;
      span.dataset.form = i.form;
    } else span.dataset.manual = i.text;
    el.append(span);
  }
}

/** Updates the chips' text and marks in place (figures changed; the caret stays where it is). */
export function refreshChips(el: HTMLElement, figures: Record<string, ShownFigure>): void {
  for (const span of el.querySelectorAll<HTMLElement>('span[data-key]')) {
    const i: Inline = {
      t: 'fact',
      key: span.dataset.key!,
      form: span.dataset.form === 'value' ? 'value' : 'sentence',
    };
    span.textContent = chipText(i, figures);
    span.title = chipTitle(i, figures);
    span.className = chipClass(i, figures);
  }
}

export function readInlines(el: HTMLElement): Inline[] {
  const out: Inline[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push({ t: 'text', text: child.textContent ?? '' });
      else if (child instanceof HTMLElement) {
        if (child.dataset.key)
          out.push({
            t: 'fact',
            key: child.dataset.key,
            form: child.dataset.form === 'value' ? 'value' : 'sentence',
          });
        else if (child.dataset.manual) out.push({ t: 'manual', text: child.dataset.manual });
        else if (child.tagName === 'BR') continue;
        else walk(child); // markup the browser added (div, font …): keep its text
      }
    }
  };
  walk(el);
  return normalizeInlines(
    out.map((i) =>
      i.t === 'text' ? { t: 'text', text: i.text.replace(/\u00a0/g, ' ').replace(/\n/g, '') } : i,
    ),
  );
}

/** Inserts a node at the saved caret position inside `el` (else at the end). */
export function insertAt(el: HTMLElement, range: Range | null, node: Node): void {
  if (range && el.contains(range.startContainer)) {
    range.deleteContents();
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  } else el.append(node);
}

export function chipNode(i: Inline, figures: Record<string, ShownFigure>): Node {
  const holder = document.createElement('span');
  renderInlines(holder, [i], figures);
  return holder.firstChild!;
}
