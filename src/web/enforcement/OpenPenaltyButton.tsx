import { useState } from 'react';
import { App, Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { StepModal } from '../decisions/StepModal.tsx';
import { PARTY_KINDS, type PenaltyItem, type PenaltyPayload } from '../penalties/types.ts';
import type { Inspection } from './types.ts';

/** Results of an inspection that can be a 行政处罚 case (a problem was found). */
const ACTIONABLE = new Set(['rectify', 'referred', 'other']);

/**
 * 依检查发现的问题立案: the finding opens a 行政处罚 case in one step (party, dates and facts from the
 * record, the inspectors as the case's officers). One case per record: once opened, its number links to it.
 */
export function OpenPenaltyButton({ inspection }: { inspection: Inspection }) {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const may =
    !!session.abilities.openPenalty &&
    ACTIONABLE.has(inspection.result ?? '') &&
    !!inspection.findings.trim();
  const linked = useQuery({
    queryKey: ['penalties', 'by-inspection', inspection.id],
    enabled: may,
    queryFn: () =>
      get<{ items: PenaltyItem[] }>('/api/penalties', { inspection: inspection.id, pageSize: 1 }),
  });
  if (!may || linked.isPending) return null;
  const prior = linked.data?.items[0];
  if (prior) return <Link to={`/penalties/${prior.id}`}>已立案：{prior.caseNo}</Link>;
  return (
    <>
      <Button onClick={() => setOpen(true)}>依此立案</Button>
      {open && (
        <StepModal
          title="依检查发现的问题立案"
          files={false}
          fields={[
            {
              name: 'partyKind',
              label: '当事人类型',
              type: 'select',
              required: true,
              options: PARTY_KINDS,
              initial: 'organisation',
            },
            {
              name: 'major',
              label: '重大执法决定',
              type: 'select',
              options: [
                { value: 'false', label: '否' },
                { value: 'true', label: '是' },
              ],
              initial: 'false',
            },
            {
              name: 'approvedBy',
              label: '立案审批人',
              help: '局领导立案时可不填；执法人员默认为本次检查人员',
            },
          ]}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<PenaltyPayload>('/api/penalties/from-inspection', {
              inspectionRecordId: inspection.id,
              partyKind: v.partyKind,
              major: v.major === 'true',
              approvedBy: v.approvedBy || undefined,
            });
            setOpen(false);
            void client.invalidateQueries({ queryKey: ['penalties'] });
            message.success(`已立案：${res.penalty.caseNo}`);
            navigate(`/penalties/${res.penalty.id}`);
          }}
        />
      )}
    </>
  );
}
