import { Alert, Button, Descriptions, Form } from 'antd';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, get } from '../lib/api.ts';
import { FieldControl, type FormField } from '../lib/ActForm.tsx';
import { ProvisionalTag } from '../lib/DueDate.tsx';
import { useForms } from '../lib/forms.ts';
import { DATE, dateCn } from '../lib/format.ts';
import type { DueResult, Unit } from '../lib/types.ts';

interface Values {
  from: string;
  count: number;
  unit: Unit;
}

// The controls as the calculator drew them before its form was served: a line of narrow inputs.
const CONTROL: Record<string, Record<string, unknown>> = {
  count: { precision: 0, style: { width: 100 } },
  unit: { style: { width: 110 } },
};
const chosen = (f: FormField) => f.type === 'date' || f.type === 'select';

/** 期限试算: due date of N working days / days counted from an event date. */
export function DueCalculator({ today }: { today?: string }) {
  // The form as the server declares it (core/calendar/forms.ts DUE_FORMS).
  const fields = useForms('calendar/due').fields('due');
  const calc = useMutation({
    mutationFn: (v: Values) =>
      get<DueResult>('/api/calendar/due', { from: v.from, count: v.count, unit: v.unit }),
  });
  return (
    <>
      <Form<Values>
        layout="inline"
        name="due-calc"
        initialValues={{ from: today ?? dayjs().format(DATE), count: 20, unit: 'workday' }}
        onFinish={(v) => calc.mutate(v)}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            label={f.label}
            name={f.name}
            tooltip={f.help}
            rules={
              f.required
                ? [{ required: true, message: `${chosen(f) ? '请选择' : '请输入'}${f.label}` }]
                : []
            }
          >
            <FieldControl field={f} select="antd" {...CONTROL[f.name]} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={calc.isPending}>
          试算
        </Button>
      </Form>
      <div aria-live="polite">
        {calc.error && <Alert type="error" showIcon title={errorMessage(calc.error)} />}
        {calc.data && (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'due',
                label: '届满日期',
                children: (
                  <>
                    {calc.data.due}（{dateCn(calc.data.due)} {dayjs(calc.data.due).format('dddd')}）
                    {calc.data.provisional && <ProvisionalTag />}
                  </>
                ),
              },
              { key: 'why', label: '计算说明', children: calc.data.explanation },
            ]}
          />
        )}
      </div>
    </>
  );
}
