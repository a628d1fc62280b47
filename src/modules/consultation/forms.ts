/**
 * The form that handles one public comment, declared once for every module that consults the public
 * (documents, decisions): its route's body is derived from it and the pages draw it.
 */
import { long, sized } from '../../core/procedure/fields.ts';
import { DISPOSITION_OPTIONS } from './report.ts';

export const DISPOSITION_FORM = [
  {
    name: 'disposition' as const,
    label: '处理意见',
    type: 'select' as const,
    required: true as const,
    options: DISPOSITION_OPTIONS,
  },
  // A comment not (fully) adopted is answered with the reason.
  sized(long('reason', '理由', false, '部分采纳或不采纳的须说明理由'), 2000),
];
