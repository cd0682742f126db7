import { changementsEntre, type EtatContrat } from './avenants';
import { describe, expect, it } from 'vitest';
import { DOCTRINE_VIDE, ecartsDoctrine, type ContratPourDoctrine, type Doctrine } from './doctrine';
import { deplacer, prochainNumero } from './numerotation';
import { empechementsSignature, refusTransition, transitionsPossibles, type ContratPourSignature } from './statuts';
import { ficheSaisieSchema, financementSaisieSchema } from './schemas';
import { niveauTetDepuisRifkin } from './taxonomies';

const pret: ContratPourSignature = {
  signataires: [
    { organisationType: 'ars', organisationNom: 'ARS Bretagne', representant: 'Directeur général', dateSignature: '2013-01-15' },
    { organisationType: 'epci', organisationNom: 'CC de Belle-Île-en-Mer', representant: 'Président', dateSignature: '2013-01-15' },
  ],
  nombreAxes: 3,
  nombreFiches: 1,
  periode: { debut: '2013-01-15', fin: '2016-01-14' },
};

describe('cycle de vie du contrat', () => {
  it('suit préparation → diagnostic → élaboration → signé → évaluation → échu ou renouvelé', () => {
    expect(refusTransition('preparation', 'diagnostic', pret)).toEqual([]);
    expect(refusTransition('diagnostic', 'elaboration', pret)).toEqual([]);
    expect(refusTransition('elaboration', 'signe', pret)).toEqual([]);
    expect(refusTransition('signe', 'evaluation', pret)).toEqual([]);
    expect(refusTransition('evaluation', 'echu', pret)).toEqual([]);
    expect(refusTransition('evaluation', 'renouvele', pret)).toEqual([]);
  });

  it('permet d’abandonner avant la signature, pas après', () => {
    expect(refusTransition('elaboration', 'abandonne', pret)).toEqual([]);
    expect(refusTransition('signe', 'abandonne', pret)[0]).toMatch(/ne peut pas passer à « Abandonné »/);
  });

  it('refuse un saut d’étape en nommant les statuts possibles', () => {
    expect(refusTransition('preparation', 'signe', pret)).toEqual([
      'Un contrat « En préparation » ne peut pas passer à « Signé (en vigueur) » ; statuts possibles : « Diagnostic en cours », « En élaboration », « Abandonné ».',
    ]);
    expect(refusTransition('abandonne', 'preparation', pret)[0]).toMatch(/ce statut est définitif/);
    expect(transitionsPossibles('renouvele')).toEqual([]);
  });

  it('exige pour signer une ARS et une collectivité datées, un axe, une fiche et une période', () => {
    const vide: ContratPourSignature = { signataires: [], nombreAxes: 0, nombreFiches: 0, periode: { debut: null, fin: null } };
    expect(empechementsSignature(vide)).toEqual([
      'Il faut au moins une ARS parmi les signataires, avec sa date de signature.',
      'Il faut au moins une collectivité (commune, EPCI, pays, département ou région) parmi les signataires, avec sa date de signature.',
      'Le contrat doit compter au moins un axe stratégique.',
      'Le contrat doit compter au moins une fiche-action.',
      'La période du contrat (début et fin) doit être renseignée.',
    ]);
    const sansDate = { ...pret, signataires: [pret.signataires[0], { ...pret.signataires[1], dateSignature: null }] };
    expect(refusTransition('elaboration', 'signe', sansDate)).toEqual([
      'Il faut au moins une collectivité (commune, EPCI, pays, département ou région) parmi les signataires, avec sa date de signature.',
      'Date de signature manquante pour : CC de Belle-Île-en-Mer.',
    ]);
  });
});

const bretagne: Doctrine = {
  ...DOCTRINE_VIDE,
  populationMin: 50000,
  exceptionIles: true,
  axesMax: 3,
  elaborationMoisMax: 12,
  copilParAn: 2,
  typesSignatairesRequis: ['ars', 'prefecture', 'region'],
};
const belleIle: ContratPourDoctrine = {
  population: 5500,
  insulaire: true,
  nombreAxes: 3,
  themesCouverts: [],
  typesSignataires: ['ars', 'departement', 'epci'],
  debutElaboration: '2011-09-01',
  finElaboration: '2013-01-15',
};

describe('doctrine régionale', () => {
  it('exempte les îles du seuil de population, pas les autres territoires', () => {
    expect(ecartsDoctrine(belleIle, bretagne, 'Bretagne').map((e) => e.regle)).not.toContain('population');
    const continent = ecartsDoctrine({ ...belleIle, insulaire: false }, bretagne, 'Bretagne');
    expect(continent.find((e) => e.regle === 'population')?.message).toBe(
      'Le territoire compte 5\u202f500 habitants ; la doctrine de Bretagne demande au moins 50\u202f000 habitants (sauf les îles).',
    );
  });

  it('signale trop d’axes, une élaboration trop longue et des signataires manquants', () => {
    const ecarts = ecartsDoctrine({ ...belleIle, nombreAxes: 5 }, bretagne, 'Bretagne');
    expect(ecarts.map((e) => e.regle)).toEqual(['axes', 'elaboration', 'signataires']);
    expect(ecarts[1].message).toBe('L’élaboration compte 16 mois ; la doctrine de Bretagne prévoit au plus 12 mois.');
    expect(ecarts[2].message).toBe('Signataires attendus par la doctrine et absents : Préfecture, Conseil régional.');
  });

  it('vérifie les thématiques obligatoires sans tenir compte des accents', () => {
    const paysDeLaLoire: Doctrine = { ...DOCTRINE_VIDE, themesRequis: ['Accès aux soins et offre de santé', 'Santé-environnement'] };
    const ecarts = ecartsDoctrine({ ...belleIle, themesCouverts: ['Axe 1 : ACCES AUX SOINS ET OFFRE DE SANTE'] }, paysDeLaLoire);
    expect(ecarts).toEqual([{ regle: 'themes', message: 'Thématiques obligatoires de la doctrine non couvertes : Santé-environnement.' }]);
  });

  it('ne dit rien quand la doctrine est vide', () => {
    expect(ecartsDoctrine(belleIle, DOCTRINE_VIDE)).toEqual([]);
  });
});

describe('numérotation des fiches', () => {
  it('attribue le numéro suivant le plus grand, sans jamais réutiliser un numéro', () => {
    expect(prochainNumero([])).toBe(1);
    expect(prochainNumero([1, 2, 3, 37, 9])).toBe(38);
    expect(prochainNumero([1, 39])).toBe(40);
  });

  it('distingue la place dans la liste : 38 et 39 entre 9 et 10', () => {
    const ordre = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 38];
    const apres = deplacer(ordre, 38, 9);
    expect(apres.slice(8, 11)).toEqual([9, 38, 10]);
    expect(deplacer(apres, 38, 100).at(-1)).toBe(38);
    expect(deplacer(apres, 99, 0)).toEqual(apres);
  });
});

describe('schéma de fiche', () => {
  it('accepte une fiche minimale et remplit les valeurs par défaut', () => {
    const fiche = ficheSaisieSchema.parse({ intitule: 'Développer les compétences psychosociales' });
    expect(fiche.statut).toBe('a_venir');
    expect(fiche.pilotes).toEqual([]);
  });

  it('nomme les champs fautifs', () => {
    const r = ficheSaisieSchema.safeParse({
      intitule: 'ok ok',
      debut: '2024-05-01',
      fin: '2024-01-01',
      thematiques: ['astrologie'],
      rifkin: { leadership: 7 },
    });
    expect(r.success).toBe(false);
    const champs = r.error!.issues.map((i) => i.path.join('.'));
    expect(champs).toEqual(expect.arrayContaining(['thematiques.0', 'rifkin.leadership']));
  });

  it('exige un financeur et un montant positif en centimes', () => {
    const r = financementSaisieSchema.safeParse({
      dispositif: 'FIR',
      annee: 2022,
      montantCentimes: -5,
      nature: 'fonctionnement',
      statut: 'accorde',
    });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([['montantCentimes', 'Le montant ne peut être négatif']]),
    );
  });

  it('traduit l’échelle de Rifkin dans celle de Territoires en Transitions', () => {
    expect(niveauTetDepuisRifkin({})).toBe('Pas de participation');
    expect(niveauTetDepuisRifkin({ organisation: 3, leadership: 3 })).toBe('Consultation');
    expect(niveauTetDepuisRifkin({ organisation: 5 })).toBe('Co-construction');
  });
});

describe('avenants', () => {
  const signe: EtatContrat = {
    intitule: 'CLS de Redon',
    periode: { debut: '2015-01-01', fin: '2020-12-31' },
    perimetre: { epci: ['243500741'], communes: [] },
    signataires: [{ organisationId: 'ars', organisation: 'ARS Bretagne', dateSignature: '2015-06-01' }],
    axes: [{ id: 'a1', intitule: 'Accès aux soins', objectifs: [] }],
    fiches: [
      { id: 'f9', numero: 9, intitule: 'Fiche 9', statut: 'a_venir', description: 'x' },
      { id: 'f10', numero: 10, intitule: 'Fiche 10', statut: 'a_venir' },
    ],
  };

  it('liste les fiches ajoutées, modifiées et retirées, la période et les signataires', () => {
    const apres: EtatContrat = {
      ...signe,
      periode: { debut: '2015-01-01', fin: '2021-12-31' },
      signataires: [...signe.signataires, { organisationId: 'cpam', organisation: 'CPAM d’Ille-et-Vilaine', dateSignature: '2019-02-05' }],
      fiches: [
        { id: 'f9', numero: 9, intitule: 'Fiche 9', statut: 'en_cours', description: 'y' },
        { id: 'f38', numero: 38, intitule: 'Fiche 38', statut: 'a_venir' },
      ],
    };
    expect(changementsEntre(signe, apres)).toEqual([
      { type: 'periode', libelle: 'Période : 2015-01-01 – 2020-12-31 devient 2015-01-01 – 2021-12-31' },
      { type: 'signataire_ajoute', libelle: 'Nouveau signataire : CPAM d’Ille-et-Vilaine' },
      { type: 'fiche_modifiee', libelle: 'Fiche 9 modifiée : Fiche 9' },
      { type: 'fiche_ajoutee', libelle: 'Fiche 38 ajoutée : Fiche 38' },
      { type: 'fiche_retiree', libelle: 'Fiche 10 retirée : Fiche 10' },
    ]);
  });

  it('ignore le suivi (statut d’une fiche) : ce n’est pas un avenant', () => {
    const suivi = { ...signe, fiches: signe.fiches.map((f) => ({ ...f, statut: 'realisee' })) };
    expect(changementsEntre(signe, suivi)).toEqual([]);
  });
});
