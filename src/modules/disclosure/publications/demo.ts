// Demo content for the 政府信息公开 pages: a few publications and the 指南, written through the services.
import { inTx, type Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { publish, type PublicationInput } from './service.ts';
import { updateGuide } from './guide.ts';
import { confidentialityReviewers } from './reviewers.ts';
import { requestPublication } from './review.ts';

export async function seedDemoPublications(ctx: Ctx, staff: Actor): Promise<void> {
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const ago = (n: number) => cal.addWorkdays(today, -n);
  const review = (on: string) => ({
    reviewer: '李静（政策法规科）',
    conclusion: 'public' as const,
    on,
    note: '经审查，不涉及国家秘密、商业秘密和个人隐私，可以公开。',
  });
  const year = Number(today.slice(0, 4));
  const items: PublicationInput[] = [
    {
      title: '示范市科学技术局主要职责和内设机构',
      category: 'functions',
      topic: 'science',
      keywords: ['机构职能', '内设机构'],
      formedOn: ago(12),
      summary: '公开本局主要职责、内设机构、办公地址、办公时间和联系方式。',
      body: '一、主要职责\n贯彻落实国家和省关于科技创新的方针政策和法律法规，拟订全市科技发展规划和政策并组织实施。\n\n二、内设机构\n办公室、政策法规科、高新技术科、成果转化与区域创新科、科技监督与诚信建设科。\n\n三、办公地址和时间\n示范市政务服务中心B座8楼；工作日上午8:30-12:00，下午14:30-17:30。',
      confidentialityReview: review(ago(10)),
    },
    {
      title: `示范市科学技术局关于${year - 1}年法治政府建设情况的报告`,
      category: 'plan',
      topic: 'scienceLaw',
      keywords: ['法治政府建设', '年度报告'],
      formedOn: ago(8),
      summary: `报告${year - 1}年度推进法治政府建设的主要举措、成效、存在的问题和下一年度工作安排。`,
      body: `${year - 1}年度，在市委、市政府的坚强领导下，市科技局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，扎实推进法治政府建设。\n\n一、主要举措和工作成效\n严格落实行政规范性文件合法性审核机制，全年制定行政规范性文件2件，均经合法性审核并按时报备。\n\n二、存在的不足和原因\n法治宣传教育的针对性有待加强。\n\n三、下一年度工作安排\n持续推进科技领域依法行政。`,
      confidentialityReview: review(ago(6)),
    },
    {
      title: `${year}年示范市科技工作要点`,
      category: 'plan',
      topic: 'science',
      keywords: ['工作要点'],
      docNumber: `科办〔${year}〕1号`,
      formedOn: ago(30),
      summary: `部署${year}年全市科技创新重点工作。`,
      body: `为深入实施创新驱动发展战略，现将${year}年全市科技工作要点印发如下。\n\n一、强化企业科技创新主体地位\n二、推进科技成果转化\n三、优化科技创新生态`,
      confidentialityReview: review(ago(2)),
    },
    {
      title: `示范市科学技术局${year}年部门预算`,
      category: 'finance',
      topic: 'finance',
      keywords: ['部门预算'],
      formedOn: ago(5),
      summary: `公开本局${year}年部门收支预算总表、财政拨款收支预算表及情况说明。`,
      body: `根据预算公开的有关要求，现将示范市科学技术局${year}年部门预算公开如下。\n\n一、部门基本情况\n二、部门预算收支情况说明\n三、“三公”经费预算情况说明`,
      confidentialityReview: review(ago(3)),
    },
  ];
  for (const item of items) await inTx(ctx, (tx) => publish(tx, ctx, staff, item));
  // One item waits for its 保密审查 in the legal office's 我的待办 (李静, the reviewer named above).
  const reviewer = (await confidentialityReviewers(ctx.db, staff)).find((r) =>
    r.name.startsWith('李静'),
  );
  if (reviewer)
    await inTx(ctx, (tx) =>
      requestPublication(
        tx,
        ctx,
        staff,
        {
          title: `示范市科学技术局关于${year}年科技型中小企业评价工作的通知`,
          category: 'policy',
          topic: 'science',
          keywords: ['科技型中小企业'],
          formedOn: ago(1),
          summary: `部署${year}年科技型中小企业评价入库工作。`,
          body: `各县区科技主管部门，各有关企业：\n\n根据科技型中小企业评价工作有关规定，现就${year}年评价入库工作通知如下。\n\n一、评价对象\n二、工作程序\n三、有关要求`,
        },
        reviewer.id,
      ),
    );
  await updateGuide(ctx, staff, {
    officeName: '示范市科学技术局办公室',
    address: '示范市政务服务中心B座8楼',
    postcode: '236800',
    hours: '工作日上午8:30-12:00，下午14:30-17:30（法定节假日除外）',
    phone: '0558-5123456',
    fax: '0558-5123457',
    onlineContact: '本网站“政府信息公开”专栏在线申请',
    body: '一、主动公开\n本机关主动公开的政府信息，通过本网站“政府信息公开”专栏发布，可在政府信息公开目录中按组配分类、年份浏览和检索。主动公开的政府信息自该信息形成或者变更之日起20个工作日内予以公开。\n\n二、依申请公开\n公民、法人或者其他组织可以通过本网站在线提交、信函、传真或者当面提交等方式申请获取政府信息。本机关自收到申请之日起20个工作日内予以答复。\n\n三、监督和救济\n认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。',
  });
}
