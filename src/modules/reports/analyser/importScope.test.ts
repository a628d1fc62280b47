// Who sees and imports which reports: a department its own; oversight for the departments of its own
// government; out of scope (another department, another city) is 404 and changes nothing.
import assert from 'node:assert/strict';
import { orgIdByName } from '../../../server/testing.ts';
import { importsTest, S001, S003, S004, seed } from './testkit.ts';

importsTest(
  'scope: a department imports and sees its own; oversight imports for the departments of its government and sees theirs',
  async (k) => {
    const { t, staff, otherDept, oversight, officer, bureauId, educationId } = k;
    const { upload, view, get, patch } = k;
    await k.imported(staff, '市科技局2023年法治政府建设情况报告.txt', seed(S004));
    const own = (await upload(otherDept, '教育局报告.txt', seed(S001))).json();
    assert.equal((await view(staff, own.id)).statusCode, 404);
    assert.equal((await get(staff, `/api/report-imports/${own.id}/original`)).statusCode, 404);
    assert.equal((await patch(staff, own.id, { year: 2020 })).statusCode, 404);
    const staffList = (await get(staff, '/api/report-imports')).json().items;
    assert.ok(
      staffList.length > 0 &&
        staffList.every((i: { departmentId: string }) => i.departmentId === bureauId),
    );
    assert.deepEqual(
      (await get(staff, `/api/report-imports?departmentId=${educationId}`)).json().items,
      [],
    );
    const refused = await upload(staff, 'r.txt', seed(S004), `?departmentId=${educationId}`);
    assert.equal(refused.statusCode, 404);
    assert.equal((await upload(officer, 'r.txt', seed(S004))).statusCode, 403);

    const forEducation = await upload(
      oversight,
      'r.txt',
      seed(S003),
      `?departmentId=${educationId}`,
    );
    assert.equal(forEducation.statusCode, 200, forEducation.body);
    const v = (await view(otherDept, forEducation.json().id)).json();
    assert.equal(v.departmentId, educationId);
    assert.equal((await view(oversight, own.id)).statusCode, 200);
    const all = (await get(oversight, '/api/report-imports')).json().items;
    assert.deepEqual(
      new Set(all.map((i: { departmentId: string }) => i.departmentId)),
      new Set([bureauId, educationId]),
    );
    const meta = (await get(oversight, '/api/report-imports/meta')).json();
    assert.deepEqual(
      meta.departments.map((d: { name: string }) => d.name),
      ['示范市司法局', '示范市科学技术局', '示范市教育局'],
      'its own and the departments it oversees',
    );
    const staffMeta = (await get(staff, '/api/report-imports/meta')).json();
    assert.deepEqual(
      staffMeta.departments.map((d: { name: string }) => d.name),
      ['示范市科学技术局'],
    );
    const division = await orgIdByName(t.ctx, '高新技术科');
    const notADepartment = await upload(
      oversight,
      'r.txt',
      seed(S004),
      `?departmentId=${division}`,
    );
    assert.equal(notADepartment.statusCode, 404);
  },
);

importsTest(
  'scope: another city’s oversight body (邻市司法局) neither lists, reads, corrects nor imports for 示范市’s departments, and the other way round',
  async (k) => {
    const { otherDept, oversight, educationId, upload, view, get, patch, counts } = k;
    const { neighbour, neighbourDeptId } = await k.neighbourCity();
    const theirs = (await upload(otherDept, '教育局报告.txt', seed(S001))).json();
    const before = await counts();
    assert.equal((await view(neighbour, theirs.id)).statusCode, 404);
    assert.equal(
      (await get(neighbour, `/api/report-imports/${theirs.id}/original`)).statusCode,
      404,
    );
    assert.equal((await patch(neighbour, theirs.id, { year: 2020 })).statusCode, 404);
    assert.equal(
      (await upload(neighbour, 'r.txt', seed(S004), `?departmentId=${educationId}`)).statusCode,
      404,
    );
    assert.deepEqual(await counts(), before, 'refused requests change nothing');
    assert.deepEqual((await get(neighbour, '/api/report-imports')).json().items, []);
    assert.deepEqual(
      (await get(neighbour, `/api/report-imports?departmentId=${educationId}`)).json().items,
      [],
    );
    const meta = (await get(neighbour, '/api/report-imports/meta')).json();
    assert.deepEqual(
      meta.departments.map((d: { name: string }) => d.name),
      ['邻市司法局', '邻市科学技术局'],
    );
    // Its own city's department: imported, read, corrected; 示范市司法局 cannot see it.
    const mine = await upload(neighbour, 'r.txt', seed(S003), `?departmentId=${neighbourDeptId}`);
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal((await patch(neighbour, mine.json().id, { year: 2021 })).statusCode, 200);
    assert.equal((await view(oversight, mine.json().id)).statusCode, 404);
    assert.equal((await patch(oversight, mine.json().id, { year: 2020 })).statusCode, 404);
    const ours = (await get(oversight, '/api/report-imports')).json().items;
    assert.ok(
      ours.length > 0 &&
        ours.every((i: { departmentId: string }) => i.departmentId !== neighbourDeptId),
    );
    assert.ok(
      !(await get(oversight, '/api/report-imports/meta'))
        .json()
        .departments.some((d: { name: string }) => d.name.startsWith('邻市')),
    );
  },
);
