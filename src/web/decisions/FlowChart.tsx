import { Steps, Typography } from 'antd';
import type { FlowNode } from './types.ts';

const STATUS = {
  done: 'finish',
  current: 'process',
  pending: 'wait',
  notApplicable: 'wait',
  optional: 'wait',
  ended: 'wait',
} as const;

/**
 * 决策运行流程图: the statutory stages in order with the decision's position. Text carries every
 * state (不适用 / 当前环节 …), so it reads the same without colours or icons.
 */
export function FlowChart({ nodes }: { nodes: FlowNode[] }) {
  const current = nodes.findIndex((n) => n.state === 'current');
  return (
    <nav aria-label="决策运行流程图">
      <Steps
        orientation="vertical"
        size="small"
        current={current < 0 ? nodes.filter((n) => n.state === 'done').length : current}
        items={nodes.map((n) => ({
          status: STATUS[n.state],
          title: (
            <span
              style={{ color: n.state === 'notApplicable' ? '#595959' : undefined }}
              aria-current={n.state === 'current' ? 'step' : undefined}
            >
              {n.label}
            </span>
          ),
          content: (
            <Typography.Text style={{ fontSize: 13, color: '#4d4d4d' }}>
              {n.stateLabel}
              {n.note ? `：${n.note}` : ''}（{n.basis}）
            </Typography.Text>
          ),
        }))}
      />
    </nav>
  );
}
