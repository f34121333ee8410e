import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './helpers/db.js';
import {
  KALTIM_PROVINCE_NAME,
  KEMENPAN_RB_NAME,
  seedRegionsAndAgencies,
  TANGERANG_REGENCY_NAME,
} from '../src/seed/reference.js';

describe('reference seed', () => {
  let t: TestDb;
  let firstRun: { created: number };
  beforeAll(async () => {
    t = await createTestDb();
    firstRun = await seedRegionsAndAgencies(t.db);
  });
  afterAll(async () => t.drop());

  const countOf = async (types: string[]) =>
    Number(
      (
        await t.db
          .selectFrom('institutions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('type', 'in', types as never)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byName = (name: string) =>
    t.db
      .selectFrom('institutions as i')
      .leftJoin('institutions as p', 'p.id', 'i.parent_id')
      .selectAll('i')
      .select('p.name as parent_name')
      .where('i.name', '=', name)
      .executeTakeFirst();

  it('loads the 38 provinces and the 514 regencies and cities', async () => {
    expect(await countOf(['pemerintah_provinsi'])).toBe(38);
    expect(await countOf(['pemerintah_kabupaten', 'pemerintah_kota'])).toBe(514);
  });

  it('stores official codes and puts each regency under its province', async () => {
    const tangerang = await byName(TANGERANG_REGENCY_NAME);
    expect(tangerang).toMatchObject({
      type: 'pemerintah_kabupaten',
      region_code: '36.03',
      short_name: 'Pemkab Tangerang',
      parent_name: 'Pemerintah Provinsi Banten',
    });
    expect(await byName(KALTIM_PROVINCE_NAME)).toMatchObject({
      type: 'pemerintah_provinsi',
      region_code: '64',
    });
    expect(await byName('Pemerintah Kota Surabaya')).toMatchObject({
      type: 'pemerintah_kota',
      region_code: '35.78',
    });
    expect(await byName('Pemerintah Daerah Istimewa Yogyakarta')).toMatchObject({ region_code: '34' });
    expect(await byName('Pemerintah Provinsi DKI Jakarta')).toMatchObject({ region_code: '31' });
    expect(await byName('Pemerintah Kabupaten Pangkajene dan Kepulauan')).toMatchObject({
      region_code: '73.10',
    });
    expect(await byName('Pemerintah Kota Pangkal Pinang')).toMatchObject({
      parent_name: 'Pemerintah Provinsi Kepulauan Bangka Belitung',
    });
    const orphans = await t.db
      .selectFrom('institutions')
      .select('id')
      .where('type', 'in', ['pemerintah_kabupaten', 'pemerintah_kota'])
      .where('parent_id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('loads ministries, agencies, BUMN and BUMD with their short names', async () => {
    expect(await byName(KEMENPAN_RB_NAME)).toMatchObject({ type: 'kementerian', short_name: 'KemenPAN-RB' });
    expect(await byName('Kementerian Dalam Negeri')).toMatchObject({ short_name: 'Kemendagri' });
    expect(await byName('Lembaga Administrasi Negara')).toMatchObject({ type: 'lembaga', short_name: 'LAN' });
    expect(await byName('PT Perusahaan Listrik Negara (Persero)')).toMatchObject({
      type: 'bumn',
      short_name: 'PLN',
    });
    expect(await byName('PT Bank DKI')).toMatchObject({
      type: 'bumd',
      parent_name: 'Pemerintah Provinsi DKI Jakarta',
    });
    expect(await countOf(['kementerian'])).toBeGreaterThanOrEqual(40);
    expect(await countOf(['bumn'])).toBeGreaterThanOrEqual(11);
  });

  it('adds nothing and fails nothing on a second run', async () => {
    const before = await countOf([
      'kementerian',
      'lembaga',
      'pemerintah_provinsi',
      'pemerintah_kabupaten',
      'pemerintah_kota',
      'bumn',
      'bumd',
    ]);
    expect(firstRun.created).toBe(before);
    expect(await seedRegionsAndAgencies(t.db)).toEqual({ created: 0 });
    const after = await countOf([
      'kementerian',
      'lembaga',
      'pemerintah_provinsi',
      'pemerintah_kabupaten',
      'pemerintah_kota',
      'bumn',
      'bumd',
    ]);
    expect(after).toBe(before);
  });
});
