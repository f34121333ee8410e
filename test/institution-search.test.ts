import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution } from './helpers/fixtures.js';

describe('GET /api/institutions?q=: abbreviations of a level of government find the full names', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Slemanuji', type: 'pemerintah_kabupaten' });
    await makeInstitution(ctx.db, { name: 'Pemerintah Kota Slemanuji', type: 'pemerintah_kota' });
    await makeInstitution(ctx.db, {
      name: 'Pemerintah Provinsi Slemanuji Raya',
      type: 'pemerintah_provinsi',
    });
  });
  afterAll(async () => ctx.close());

  const names = async (q: string) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/institutions?q=${encodeURIComponent(q)}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { name: string }) => i.name);
  };

  it('finds the regency for "Kab. Slemanuji", "Pemkab Slemanuji" and "kabupaten slemanuji"', async () => {
    for (const q of ['Kab. Slemanuji', 'Pemkab Slemanuji', 'kabupaten slemanuji', 'Slemanuji, Kab.'])
      expect(await names(q), q).toEqual(['Pemerintah Kabupaten Slemanuji']);
  });

  it('finds the city for "Pemkot" and the province for "Prov." and "Pemprov"', async () => {
    expect(await names('Pemkot Slemanuji')).toEqual(['Pemerintah Kota Slemanuji']);
    for (const q of ['Prov. Slemanuji', 'Pemprov Slemanuji Raya', 'Propinsi slemanuji'])
      expect(await names(q), q).toEqual(['Pemerintah Provinsi Slemanuji Raya']);
    expect(await names('Slemanuji')).toHaveLength(3);
  });
});
