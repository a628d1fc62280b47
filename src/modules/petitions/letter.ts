/** 信访处理意见书 (信访工作条例 Art 32) in 公文格式 (GB/T 9704-2012) as .docx. */
import { formatDateZh } from '../../core/calendar/explain.ts';
import { gongwenDocx, type Block } from '../../core/docx/gongwen.ts';
import { DECISION_LABELS, type Decision } from './labels.ts';
import type { PetitionRow } from './intake.ts';

/** The letter's blocks (pure): request, facts and reasons, decision with its basis, remedies, signature. */
export function opinionBlocks(p: PetitionRow, bureau: string): Block[] {
  if (!p.answeredOn || !p.decision) throw new Error('no opinion');
  return [
    { kind: 'p', text: `${p.petitionerName}：`, indent: false },
    {
      kind: 'p',
      text: `你于${formatDateZh(p.receivedOn)}提出的信访事项（编号：${p.number}）收悉，本机关已于${formatDateZh(p.noticeOn ?? p.receivedOn)}书面告知受理。现将处理意见告知如下：`,
    },
    { kind: 'h1', text: '一、信访请求' },
    { kind: 'p', text: p.content },
    { kind: 'h1', text: '二、查明的事实和理由' },
    { kind: 'p', text: p.opinionFacts ?? '' },
    { kind: 'h1', text: '三、处理意见及依据' },
    {
      kind: 'p',
      text: `经研究，对你的信访请求${DECISION_LABELS[p.decision as Decision]}。${p.opinionText ?? ''}`,
    },
    { kind: 'p', text: `依据：${p.opinionBasis ?? ''}` },
    {
      kind: 'p',
      text: '如对本处理意见不服，可以自收到本意见书之日起30日内请求原办理机关、单位的上一级机关、单位复查（《信访工作条例》第三十五条）。',
    },
    {
      kind: 'p',
      text: `你可以凭查询码${p.trackingCode}在本机关门户网站“好差评”栏目对本事项的办理作出评价。`,
    },
    { kind: 'signature', lines: [bureau, formatDateZh(p.answeredOn)] },
  ];
}

export async function opinionDocx(p: PetitionRow, bureau: string): Promise<Buffer> {
  return gongwenDocx({ title: '信访事项处理意见书', blocks: opinionBlocks(p, bureau) });
}
