/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const studyAudit = {
  actions: {
    // 学法/述法 records kept their codes when they moved here from reports.
    'reports.study.add': '登记学法记录',
    'reports.session.remove': '删除学法记录',
    'reports.statement.add': '登记述法记录',
    'reports.statement.remove': '删除述法记录',
    'study.plan.add': '制定学法计划',
    'study.plan.update': '修改学法计划',
    'study.plan.topics': '调整学法计划的学习内容',
    'study.training.add': '登记培训',
    'study.training.remove': '删除培训记录',
    'study.exam.add': '登记考试',
    'study.exam.remove': '删除考试记录',
    'study.duty.add': '新增普法责任',
    'study.duty.complete': '完成普法责任',
    'study.event.add': '登记普法活动',
    'study.event.remove': '删除普法活动',
  },
  fields: {
    heldOn: '举办日期', topic: '主题', speaker: '主讲人', durationMinutes: '时长（分钟）', attendees: '参加人数', ledByHead: '主要负责人主持',
    personName: '述法人', position: '职务', rank: '职级', statedOn: '述法日期', form: '形式', hoursPerPerson: '人均学时', organizer: '主办单位',
    participants: '参训人数', expected: '应考人数', took: '参考人数', passed: '合格人数', participationRate: '参考率', passRate: '合格率',
    assignedOn: '下达日期', owner: '责任人', completedOn: '完成日期', audience: '对象', campaign: '活动', location: '地点', issuedOn: '印发日期',
    topics: '学习内容', preMeetingTarget: '会前学法目标次数', trainingHoursTarget: '培训学时目标',
  },
  entities: {
    studySession: { label: '学法记录', table: 'study_sessions', name: 'topic' },
    legalDutyStatement: { label: '述法记录', table: 'legal_duty_statements', name: 'person_name' },
    studyPlan: { label: '学法计划', table: 'study_plans', name: 'title', quoted: true },
    studyTraining: { label: '培训', table: 'study_trainings', name: 'title' },
    studyExam: { label: '考试', table: 'study_exams', name: 'title' },
    pufaDuty: { label: '普法责任', table: 'pufa_duties', name: 'title' },
    publicityEvent: { label: '普法活动', table: 'publicity_events', name: 'title' },
  },
} as const satisfies ModuleAudit;
