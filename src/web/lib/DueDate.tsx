import { useId } from 'react';
import { Tag, Tooltip } from 'antd';
import { daysLeftText } from './format.ts';
import type { Unit } from './types.ts';

const PROVISIONAL_HINT =
  '该年度国务院节假日安排尚未公布，暂按《全国年节及纪念日放假办法》规定的节假日计算（未计调休），公布后将自动重新计算';

/** "暂定" marker for a due date counted on a year without official holiday data (its 放假办法 holidays are assumed). */
export function ProvisionalTag() {
  return (
    <Tooltip title={PROVISIONAL_HINT}>
      <Tag
        style={{ marginInlineStart: 6, color: '#4d4d4d' }}
        aria-label={`暂定：${PROVISIONAL_HINT}`}
      >
        暂定
      </Tag>
    </Tooltip>
  );
}

/**
 * A due date whose explanation ("自…次日起算N个工作日，跳过…") shows on hover and on keyboard focus,
 * and is linked with aria-describedby for screen readers.
 */
export function DueDate({
  dueDate,
  explanation,
  provisional,
}: {
  dueDate: string | null;
  explanation: string;
  provisional: boolean;
}) {
  const descId = useId();
  if (!dueDate) return <span>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tooltip title={explanation || undefined} trigger={['hover', 'focus']}>
        <span
          tabIndex={0}
          className="due-focus"
          aria-describedby={explanation ? descId : undefined}
        >
          {dueDate}
        </span>
      </Tooltip>
      {explanation && (
        <span id={descId} className="sr-only">
          {explanation}
        </span>
      )}
      {provisional && <ProvisionalTag />}
    </span>
  );
}

const tagStyles = {
  overdue: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  dueSoon: { color: '#7a4100', background: '#fff7e6', borderColor: '#ffc069' },
  normal: { color: 'rgba(0,0,0,0.88)', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** Days left as a tag: red when overdue, orange when due soon, neutral otherwise. */
export function DaysLeftTag(props: {
  daysLeft: number | null;
  unit: Unit;
  overdue: boolean;
  dueSoon: boolean;
}) {
  if (props.daysLeft === null) return <span>—</span>;
  const style = props.overdue
    ? tagStyles.overdue
    : props.dueSoon
      ? tagStyles.dueSoon
      : tagStyles.normal;
  return (
    <Tag style={{ ...style, marginInlineEnd: 0 }}>
      {daysLeftText(props.daysLeft, props.unit, props.overdue)}
    </Tag>
  );
}
