/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const powersAudit = {
  actions: {
    'powers.add': '新增权责事项',
    'powers.adjust': '调整权责事项',
    'powers.cancel': '取消权责事项',
    'powers.count': '登记办件量',
  },
  fields: {
    basis: '依据',
    code: '事项编码',
    effectiveOn: '生效日期',
    month: '月份',
    previous: '原数量',
  },
  entities: { powerItem: { label: '权责事项', table: 'power_items', name: 'name' } },
} as const satisfies ModuleAudit;
