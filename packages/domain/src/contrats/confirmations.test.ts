import { describe, expect, it } from 'vitest';
import { can } from '../permissions';
import { empechementsPublication, parlePour, refusDateSignature, type PartieConfirmee } from './confirmations';
import { empechementsSignature } from './statuts';

const ARS_PDL = { id: 'ars52', nom: 'ARS Pays de la Loire', type: 'ars', regionCode: '52' };
const ARS_BRETAGNE = { id: 'ars53', nom: 'ARS Bretagne', type: 'ars', regionCode: '53' };
const DD35 = { id: 'dd35', nom: 'ARS Bretagne – DD 35', type: 'ars_delegation', regionCode: '53' };
const CPAM = { id: 'cpam35', nom: 'CPAM 35', type: 'cpam', regionCode: '53' };

describe('qui parle pour une organisation', () => {
  const agentPdl = { userId: 'u', organisationId: 'ars52', habilitations: [{ role: 'ars_regional' as const, regionCode: '52' }] };
  const agentBretagne = { userId: 'u', organisationId: 'ars53', habilitations: [{ role: 'ars_regional' as const, regionCode: '53' }] };
  const referentCpam = {
    userId: 'u',
    organisationId: null,
    habilitations: [{ role: 'referent_organisation' as const, organisationId: 'cpam35' }],
  };
  const coordonnatrice = { userId: 'u', organisationId: 'redon', habilitations: [{ role: 'coordonnateur' as const, contratId: 'c1' }] };
  const admin = { userId: 'u', organisationId: null, habilitations: [{ role: 'admin' as const }] };

  it('ses membres, ses référents et les agents ARS de sa région, personne d’autre', () => {
    expect(parlePour(agentPdl, ARS_PDL)).toBe(true);
    expect(parlePour(agentBretagne, ARS_PDL)).toBe(false);
    expect(parlePour(agentBretagne, DD35)).toBe(true);
    // An ARS agent does not speak for the other organisations of its region.
    expect(parlePour(agentBretagne, CPAM)).toBe(false);
    expect(parlePour(referentCpam, CPAM)).toBe(true);
    expect(parlePour(coordonnatrice, ARS_PDL)).toBe(false);
    expect(parlePour(coordonnatrice, { id: 'redon', nom: 'Redon Agglomération', type: 'epci', regionCode: '53' })).toBe(true);
    expect(parlePour(admin, ARS_PDL)).toBe(false);
    expect(parlePour(null, ARS_PDL)).toBe(false);
  });

  it('répondre à une demande suit la même règle', () => {
    expect(can(agentPdl, 'valider', { type: 'confirmation', organisation: ARS_PDL })).toBe(true);
    expect(can(agentPdl, 'modifier', { type: 'confirmation', organisation: ARS_PDL })).toBe(false);
    expect(can(agentBretagne, 'valider', { type: 'confirmation', organisation: ARS_PDL })).toBe(false);
    expect(can(admin, 'valider', { type: 'confirmation', organisation: ARS_PDL })).toBe(false);
    expect(can(null, 'lire', { type: 'confirmation', organisation: ARS_PDL })).toBe(false);
  });
});

describe('publication', () => {
  const regions = [
    { code: '52', nom: 'Pays de la Loire' },
    { code: '53', nom: 'Bretagne' },
  ];
  const ars = (organisation: typeof ARS_PDL, statut: PartieConfirmee['statut']): PartieConfirmee => ({ organisation, role: 'ars', statut });

  it('demande l’accord de l’ARS de chaque région du périmètre', () => {
    expect(empechementsPublication(regions, [ars(ARS_PDL, 'confirme'), ars(ARS_BRETAGNE, 'confirme')])).toEqual([]);
    expect(empechementsPublication(regions, [ars(ARS_PDL, 'confirme'), ars(DD35, 'confirme')])).toEqual([]);
    expect(empechementsPublication(regions, [ars(ARS_PDL, 'a_confirmer'), ars(ARS_BRETAGNE, 'confirme')])).toEqual([
      'ARS Pays de la Loire n’a pas encore confirmé être l’ARS de ce contrat.',
    ]);
    expect(empechementsPublication(regions, [ars(ARS_PDL, 'refuse'), ars(ARS_BRETAGNE, 'confirme')])).toEqual([
      'ARS Pays de la Loire a refusé d’être l’ARS de ce contrat.',
    ]);
    expect(empechementsPublication(regions, [ars(ARS_BRETAGNE, 'confirme')])).toEqual([
      'Aucune ARS de la région Pays de la Loire n’est nommée : chaque région du périmètre doit avoir son ARS, qui confirme.',
    ]);
    // Porteurs and signatories do not hold publication back.
    expect(
      empechementsPublication(
        [regions[1]],
        [ars(ARS_BRETAGNE, 'confirme'), { organisation: CPAM, role: 'signataire', statut: 'a_confirmer' }],
      ),
    ).toEqual([]);
  });
});

describe('signature', () => {
  it('aucune date ni signature pour un signataire qui n’a pas confirmé', () => {
    expect(refusDateSignature('ARS Pays de la Loire', 'confirme')).toBeNull();
    expect(refusDateSignature('ARS Pays de la Loire', 'a_confirmer')).toMatch(/n’a pas encore confirmé être signataire/);
    expect(refusDateSignature('ARS Pays de la Loire', 'refuse')).toMatch(/a refusé d’être signataire/);
    const contrat = {
      signataires: [
        {
          organisationType: 'ars',
          organisationNom: 'ARS Bretagne',
          representant: null,
          dateSignature: '2027-01-01',
          confirmation: 'refuse' as const,
        },
        {
          organisationType: 'epci',
          organisationNom: 'Redon Agglomération',
          representant: null,
          dateSignature: '2027-01-01',
          confirmation: 'confirme' as const,
        },
      ],
      nombreAxes: 1,
      nombreFiches: 1,
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    };
    expect(empechementsSignature(contrat)).toEqual(['Signataires qui n’ont pas confirmé leur rôle : ARS Bretagne.']);
  });
});
