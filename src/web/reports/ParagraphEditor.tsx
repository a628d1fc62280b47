import { useLayoutEffect, useRef } from 'react';
import { Button, Flex } from 'antd';
import {
  formatValue,
  isEmptyBlock,
  normalizeInlines,
  type Block,
  type Inline,
} from '../../modules/reports/document.ts';
import { chipNode, insertAt, readInlines, refreshChips, renderInlines } from './paragraphDom.ts';
import type { ShownFigure } from './types.ts';

export interface InsertTarget {
  label: string;
  insert(i: Inline): void;
}

interface Props {
  block: Block;
  label: string;
  prefix?: string;
  figures: Record<string, ShownFigure>;
  editable: boolean;
  onChange(inlines: Inline[]): void;
  onFigure(key: string): void;
  onFocusTarget?(t: InsertTarget): void;
}

/**
 * One paragraph or second-level heading: free prose around figure chips. The DOM is managed here
 * (contentEditable); React re-renders it only when the inlines change from outside (a save, a new
 * version), so typing never loses the caret. Below a paragraph, its figures as buttons (keyboard
 * and screen-reader access to the records behind each).
 */
export function ParagraphEditor({
  block,
  label,
  prefix,
  figures,
  editable,
  onChange,
  onFigure,
  onFocusTarget,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const range = useRef<Range | null>(null);
  // The insert target lives on after this render: it reads the latest props through these.
  const latest = useRef({ onChange, figures });
  latest.current = { onChange, figures };
  useLayoutEffect(() => {
    const el = ref.current!;
    if (JSON.stringify(readInlines(el)) !== JSON.stringify(normalizeInlines(block.inlines)))
      renderInlines(el, block.inlines, figures);
    else refreshChips(el, figures);
  }, [block.inlines, figures]);

  const saveRange = () => {
    const sel = window.getSelection();
    if (sel?.rangeCount && ref.current?.contains(sel.anchorNode))
      range.current = sel.getRangeAt(0).cloneRange();
  };
  const changed = () => {
    saveRange();
    latest.current.onChange(readInlines(ref.current!));
  };
  const chips = block.inlines.filter((i): i is Extract<Inline, { t: 'fact' }> => i.t === 'fact');
  const manual = block.inlines.filter((i) => i.t === 'manual').length;
  // Read-only: an empty paragraph (a hint for staff) is not part of the report.
  const hidden = !editable && isEmptyBlock(block);

  return (
    <div className={`para-row para-${block.kind}`} hidden={hidden}>
      <Flex gap={4} align="baseline">
        {prefix && <span className="para-prefix">{prefix}</span>}
        <div
          ref={ref}
          className={`para para-${block.kind}${editable ? ' para-editable' : ''}`}
          contentEditable={editable}
          suppressContentEditableWarning
          role={editable ? 'textbox' : undefined}
          aria-multiline={editable ? true : undefined}
          aria-label={editable ? label : undefined}
          data-placeholder={editable ? (block.hint ?? '请输入') : ''}
          tabIndex={editable ? 0 : undefined}
          onInput={changed}
          onKeyUp={saveRange}
          onMouseUp={saveRange}
          onFocus={() =>
            onFocusTarget?.({
              label,
              insert: (i) => (
                insertAt(ref.current!, range.current, chipNode(i, latest.current.figures)),
                changed()
              ),
            })
          }
          onKeyDown={(e) => {
            // One block is one paragraph: new paragraphs come from the 添加段落 button.
            if (e.key === 'Enter') e.preventDefault();
          }}
          onPaste={(e) => {
            e.preventDefault();
            document.execCommand(
              'insertText',
              false,
              e.clipboardData.getData('text/plain').replace(/\s*\n\s*/g, ''),
            );
          }}
          onClick={(e) => {
            const chip = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
            if (chip?.dataset.key) onFigure(chip.dataset.key);
          }}
        />
      </Flex>
      {(chips.length > 0 || manual > 0) && (
        <details className="para-figures">
          <summary>{`本段数据（${chips.length}项${manual ? `，含${manual}处人工录入` : ''}）`}</summary>
          <Flex gap={4} wrap>
            {chips.map((c, n) => {
              const f = figures[c.key];
              return (
                <Button
                  key={`${c.key}-${n}`}
                  size="small"
                  type={f?.previous !== undefined ? 'primary' : 'default'}
                  onClick={() => onFigure(c.key)}
                >
                  {f
                    ? `${f.label} ${formatValue(f.value)}${f.unit}${f.previous !== undefined ? `（原${formatValue(f.previous)}）` : ''}`
                    : `${c.key}（缺失）`}
                </Button>
              );
            })}
          </Flex>
        </details>
      )}
    </div>
  );
}
