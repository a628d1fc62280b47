// A citizen's form on the portal (the page and its POST), on a bare Fastify app with a form of its own:
// CSRF, the refusal named in Chinese with what was sent refilled and escaped, the redirect, and a fault
// that is not the citizen's to correct goes to the error handler, not back to the form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../core/errors.ts';
import { Field } from './forms.tsx';
import { registerPublicForm } from './publicForm.tsx';
import { cookieValue, sectionApp } from './testApp.ts';

async function formApp() {
  const { app, page } = await sectionApp();
  const saved: string[] = [];
  await app.register(async (a) =>
    registerPublicForm(a, page, {
      path: '/cs/new',
      title: '我要反映',
      breadcrumbs: [{ title: '测试栏目', href: '/cs' }, { title: '我要反映' }],
      initial: { topic: '默认主题' },
      render: ({ csrf, values, errors }) => (
        <form method="post" action="/cs/new">
          {csrf}
          <Field name="topic" label="主题" values={values} errors={errors} />
        </form>
      ),
      submit: async (values) => {
        if (values.topic === 'boom') throw new Error('not the citizen’s fault');
        if ((values.topic ?? '').length < 2)
          throw new AppError('VALIDATION', '主题：至少2个字', {
            fields: [{ path: 'topic', message: '主题：至少2个字' }],
          });
        saved.push(values.topic!);
        return `/cs/${saved.length}`;
      },
    }),
  );
  await app.ready();
  const res = await app.inject({ url: '/cs/new' });
  const token = cookieValue(res, 'fazhi_pcsrf')!.value;
  const post = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/cs/new',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `fazhi_pcsrf=${token}`,
      },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
  return { app, res, post, saved };
}

test('the form page shows what the empty form holds', async () => {
  const { app, res } = await formApp();
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<title>我要反映 - /);
  assert.match(res.body, /name="topic" value="默认主题"/);
  await app.close();
});

test('a refused submission: 400, the field named in Chinese, what was sent refilled and escaped', async () => {
  const { app, post, saved } = await formApp();
  const bad = await post({ topic: '<' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>错误：我要反映 - /);
  assert.match(bad.body, /<span class="field-error" id="e-topic">主题：至少2个字<\/span>/);
  assert.match(bad.body, /name="topic" value="&lt;"/);
  assert.deepEqual(saved, []);
  await app.close();
});

test('a submission without the CSRF token is refused; an accepted one goes on (303)', async () => {
  const { app, post, saved } = await formApp();
  const forged = await app.inject({
    method: 'POST',
    url: '/cs/new',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'topic=正常主题',
  });
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /安全校验未通过/);
  const ok = await post({ topic: '正常主题' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/cs/1');
  assert.deepEqual(saved, ['正常主题']);
  const fault = await post({ topic: 'boom' });
  assert.equal(fault.statusCode, 500, 'a fault is the error handler’s, not a form error');
  assert.deepEqual(saved, ['正常主题']);
  await app.close();
});
