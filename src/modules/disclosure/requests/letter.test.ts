// The 答复书's decision and remedy sentences for every answer type (pure; the HTTP test downloads one letter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSWER_OUTCOMES, REVIEW_FIRST } from '../outcomes.ts';
import { decisionText, receivedText, remedyText } from './letter.ts';
import { CHANNELS, DISCLOSURE_OUTCOMES, outcomeLabel } from '../outcomes.ts';
import { DISCLOSURE_REQUEST } from '../procedure.ts';

const ORGAN = '示范市人民政府';
// 行政复议法 (2023) Art 23 ¶1(4), ¶2: refusals of disclosure go to 复议 first, and the answer must say so.
const REVIEW_FIRST_SENTENCE =
  '如对本答复不服，应当先自收到本答复书之日起六十日内向示范市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。依照《中华人民共和国行政复议法》第二十三条的规定，申请政府信息公开，行政机关不予公开的，应当先申请行政复议，不能直接向人民法院提起行政诉讼。';
const EITHER_SENTENCE =
  '如对本答复不服，可以自收到本答复书之日起六十日内向示范市人民政府申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。';

// Every answer staff can choose: the decision sentence it starts with and the remedy it carries.
const CASES: Array<[code: string, decision: string, remedy: 'reviewFirst' | 'either']> = [
  ['disclose', '经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开。', 'either'],
  [
    'partial',
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分。',
    'reviewFirst',
  ],
  [
    'withhold_secret',
    '经审查，您申请获取的政府信息属于依法确定为国家秘密的政府信息，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_law',
    '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_safety',
    '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_thirdParty',
    '经审查，您申请获取的政府信息公开会损害第三方合法权益，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_internal',
    '经审查，您申请获取的政府信息属于行政机关的内部事务信息，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_process',
    '经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_enforcement',
    '经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。',
    'reviewFirst',
  ],
  [
    'withhold_query',
    '经审查，您申请获取的政府信息属于行政查询事项，本机关决定不予公开。',
    'reviewFirst',
  ],
  ['unable_notHeld', '经检索查找，本机关不掌握相关政府信息，本机关无法提供。', 'either'],
  ['unable_needsCreation', '经检索查找，没有现成信息需要另行制作，本机关无法提供。', 'either'],
  ['unable_unclear', '经检索查找，补正后申请内容仍不明确，本机关无法提供。', 'either'],
  ['reject_petition', '经审查，您的申请属于“信访举报投诉类申请”情形，本机关不予处理。', 'either'],
  ['reject_repeat', '经审查，您的申请属于“重复申请”情形，本机关不予处理。', 'either'],
  [
    'reject_publication',
    '经审查，您的申请属于“要求提供公开出版物”情形，本机关不予处理。',
    'either',
  ],
  [
    'reject_excessive',
    '经审查，您的申请属于“无正当理由大量反复申请”情形，本机关不予处理。',
    'either',
  ],
  [
    'reject_confirm',
    '经审查，您的申请属于“要求行政机关确认或重新出具已获取信息”情形，本机关不予处理。',
    'either',
  ],
  ['other3', '本机关对您的申请作如下处理。', 'either'],
];

test('the table covers every answer type staff can choose', () => {
  assert.deepEqual(CASES.map((c) => c[0]).sort(), ANSWER_OUTCOMES.map((o) => o.code).sort());
});

for (const [code, decision, remedy] of CASES) {
  test(`答复书 for ${code}: decision sentence and ${remedy === 'reviewFirst' ? '复议 first' : '复议 or 诉讼'}`, () => {
    assert.equal(decisionText(code, ''), decision);
    assert.equal(
      remedyText(code, ORGAN),
      remedy === 'reviewFirst' ? REVIEW_FIRST_SENTENCE : EITHER_SENTENCE,
    );
    assert.equal(REVIEW_FIRST.has(code), remedy === 'reviewFirst');
  });
}

test('the reasons follow the decision sentence, with one full stop', () => {
  assert.equal(
    decisionText('withhold_thirdParty', '涉及某公司的商业秘密，该公司不同意公开；'),
    '经审查，您申请获取的政府信息公开会损害第三方合法权益，本机关决定不予公开。涉及某公司的商业秘密，该公司不同意公开。',
  );
  assert.doesNotMatch(decisionText('withhold_thirdParty', ''), /政府信息保护第三方/);
});

// Issue 13 item 19: the letter's text as a Chinese reader expects it.
test("an applicant's quotes nest as ‘…’ inside the letter's “…”, and no 「。”。」", () => {
  const text = receivedText('2026-03-02', 'online', '关于“中试基地”认定的文件。');
  assert.equal(
    text,
    '本机关于2026年3月2日收到您通过互联网渠道提交的政府信息公开申请，申请获取“关于‘中试基地’认定的文件”。',
  );
  assert.equal(
    receivedText('2026-03-02', 'inPerson', '“2025年科技项目验收结果。”'),
    '本机关于2026年3月2日收到您当面提交的政府信息公开申请，申请获取“2025年科技项目验收结果”。',
  );
  assert.doesNotMatch(
    decisionText('withhold_thirdParty', '该公司书面答复：“不同意公开。”'),
    /。”。/,
  );
  assert.match(
    decisionText('withhold_thirdParty', '该公司书面答复：“不同意公开。”'),
    /“不同意公开。”$/,
  );
});

test('every channel reads as a phrase: no 「以互联网渠道方式提出」, no 「以口头提出方式」', () => {
  for (const c of CHANNELS) {
    const text = receivedText('2026-03-02', c.value, '名单');
    assert.doesNotMatch(text, /渠道方式|以当面提交方式|以口头提出方式|（/, text);
    assert.match(
      text,
      /收到您(当面提交|以\S{2,4}方式提交|通过互联网渠道提交|口头提出)的政府信息公开申请/,
      text,
    );
  }
});

test("outcome labels never repeat their group (「（二）部分公开部分公开」), in the procedure's event text too", () => {
  for (const o of DISCLOSURE_OUTCOMES)
    assert.doesNotMatch(outcomeLabel(o), /(予以公开|部分公开)\1|不予公开属于/, outcomeLabel(o));
  const answer = DISCLOSURE_REQUEST.actions.find((a) => a.code === 'answer')!;
  const labels = [
    ...answer.fields!.find((f) => f.name === 'outcome')!.options!.map((o) => o.label),
    ...DISCLOSURE_REQUEST.outcomes!.map((o) => o.label),
  ];
  for (const l of labels) assert.doesNotMatch(l, /部分公开部分公开|予以公开予以公开/, l);
  assert.equal(
    outcomeLabel(DISCLOSURE_OUTCOMES.find((o) => o.code === 'partial')!),
    '（二）部分公开',
  );
  assert.equal(
    outcomeLabel(DISCLOSURE_OUTCOMES.find((o) => o.code === 'withhold_secret')!),
    '（三）不予公开：属于国家秘密',
  );
});
