/**
 * The forms of the 决策事项目录 (条例第三条、第十条), declared once: the catalogue routes derive their bodies
 * from them, and the workbench reads them at GET /api/decisions/forms (the manifest's `forms`).
 */
import { date, long, ref, sized, text } from '../../core/procedure/fields.ts';

export const CATALOGUE_FORMS = {
  item: [
    sized(text('title', '事项名称', true), 200, 4),
    sized(text('undertakingUnit', '承办单位', true), 100, 2),
    sized(long('basis', '决策依据'), 2000),
    sized(text('plannedTime', '计划完成时间'), 50),
    sized(long('content', '主要内容'), 5000),
  ],
  // Art 3: the catalogue is published once the Party committee at the same level has agreed.
  approval: [
    date('approvedOn', '同意日期'),
    sized(text('approvedBy', '同意机关', true, '经同级党委同意后向社会公布（条例第三条）'), 100, 2),
    sized(text('approvalRef', '同意文件或会议'), 200),
  ],
  // An adjustment is agreed in the same way; the form adds or removes one item at a time.
  adjustment: [
    sized(long('reason', '调整理由', true), 5000, 2),
    date('approvedOn', '同意日期'),
    sized(text('approvedBy', '同意机关', true), 100, 2),
  ],
  adjustmentChange: [
    sized(text('addTitle', '增加事项名称'), 200, 4),
    sized(text('addUnit', '增加事项承办单位'), 100, 2),
    { ...ref('remove', '调出事项'), required: false },
  ],
};
