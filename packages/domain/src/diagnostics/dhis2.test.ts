import { describe, expect, it } from 'vitest';
import { estUidDhis2, lirePeriodeDhis2, periodeVersDhis2 } from './dhis2';

describe('périodes DHIS2', () => {
  it('lit l’année, le semestre, le trimestre et le mois', () => {
    expect(lirePeriodeDhis2('2024')).toEqual({ dhis2: '2024', libelle: '2024', debut: 2024, fin: 2024 });
    expect(lirePeriodeDhis2(2023)).toEqual({ dhis2: '2023', libelle: '2023', debut: 2023, fin: 2023 });
    expect(lirePeriodeDhis2('2024S2')).toMatchObject({ libelle: '2024-S2', debut: 2024, fin: 2024 });
    expect(lirePeriodeDhis2('2024Q1')).toMatchObject({ libelle: '2024-T1', debut: 2024 });
    expect(lirePeriodeDhis2('2024q4')).toMatchObject({ dhis2: '2024Q4', libelle: '2024-T4' });
    expect(lirePeriodeDhis2('202401')).toMatchObject({ libelle: '2024-01', debut: 2024, fin: 2024 });
    expect(lirePeriodeDhis2(' 202412 ')).toMatchObject({ dhis2: '202412', libelle: '2024-12' });
  });

  it('refuse ce que DHIS2 n’écrit pas ainsi ou que Maillage ne range pas', () => {
    for (const t of ['', '24', '2024Q5', '2024Q0', '202413', '202400', '2024W05', '2024S3', '2024-2025', '2024AprilS1', '1700', 'abcd'])
      expect(lirePeriodeDhis2(t), t).toBeNull();
  });

  it('écrit chaque période du suivi en notation DHIS2, et relit la même', () => {
    const cas: [string, string][] = [
      ['2024', '2024'],
      ['2024-S1', '2024S1'],
      ['2024-T3', '2024Q3'],
      ['2024-01', '202401'],
    ];
    for (const [maillage, dhis2] of cas) {
      expect(periodeVersDhis2(maillage)).toBe(dhis2);
      expect(lirePeriodeDhis2(dhis2)?.libelle).toBe(maillage);
    }
    expect(periodeVersDhis2('2011-2015')).toBeNull();
    expect(periodeVersDhis2('2024-T5')).toBeNull();
  });

  it('reconnaît un identifiant DHIS2 et pas un code INSEE', () => {
    expect(estUidDhis2('fbfJHSPpUQD')).toBe(true);
    expect(estUidDhis2('HllvX50cXC0')).toBe(true);
    expect(estUidDhis2('35236')).toBe(false);
    expect(estUidDhis2('243500741')).toBe(false);
    expect(estUidDhis2('1bfJHSPpUQD')).toBe(false);
    expect(estUidDhis2('fbfJHSPpUQ')).toBe(false);
  });
});
