import { describe, expect, it } from 'vitest';
import { niveauTetDepuisRifkin } from '../contrats/taxonomies';
import {
  citerNom,
  cleEntete,
  decouperNoms,
  estConsigneDuModele,
  estExempleDuModele,
  lireBooleen,
  lireDate,
  lireMontantCentimes,
  lireNumeroFiche,
  lireNumerotation,
  participationDepuisTet,
  participationVersTet,
  prioriteDepuisTexte,
  statutFicheDepuisTexte,
} from './lecture';

describe('en-têtes de colonnes', () => {
  it('ignorent espaces, accents, casse et unité monétaire', () => {
    expect(cleEntete('Statut ')).toBe('statut');
    expect(cleEntete(' Sous-sous axe (x.x.x)')).toBe('sous-sous axe (x.x.x)');
    expect(cleEntete('Montant € HT')).toBe('montant');
    expect(cleEntete('Montant € TTC')).toBe('montant');
    expect(cleEntete('Budget prévisionnel total € TTC')).toBe('budget previsionnel total');
    expect(cleEntete('Titre de l’action')).toBe(cleEntete("Titre de l'action"));
    expect(cleEntete('Élu·e référent·e ')).toBe('elue referente');
    expect(cleEntete('Total des financements (€)')).toBe('total des financements');
  });
});

describe('numérotation des axes, objectifs et fiches', () => {
  it('sépare le numéro du titre sous toutes ses formes', () => {
    expect(lireNumerotation('1. Sécurité : développer les aménagements')).toEqual({
      numero: [1],
      titre: 'Sécurité : développer les aménagements',
    });
    expect(lireNumerotation('Axe 1. COORDINATION DU CLS - AXE TRANSVERSAL')).toEqual({
      numero: [1],
      titre: 'COORDINATION DU CLS - AXE TRANSVERSAL',
    });
    expect(lireNumerotation('4.2 : Déployer des plans de mobilité scolaires')).toEqual({
      numero: [4, 2],
      titre: 'Déployer des plans de mobilité scolaires',
    });
    expect(lireNumerotation('4.2. Déployer des plans de mobilité scolaires')).toEqual({
      numero: [4, 2],
      titre: 'Déployer des plans de mobilité scolaires',
    });
    expect(lireNumerotation('Objectif stratégique 1. Impulser une dynamique participative')).toEqual({
      numero: [1],
      titre: 'Impulser une dynamique participative',
    });
    expect(lireNumerotation('4.2.1. Apprendre le vélo aux enfants')).toEqual({ numero: [4, 2, 1], titre: 'Apprendre le vélo aux enfants' });
  });

  it('garde pour titre le texte écrit quand il n’est que le numéro, et le numéro pour numéro', () => {
    expect(lireNumerotation('Axe 1')).toEqual({ numero: [1], titre: 'Axe 1', numeroSeul: true });
    expect(lireNumerotation(' Axe  2. ')).toEqual({ numero: [2], titre: 'Axe 2.', numeroSeul: true });
    expect(lireNumerotation('Objectif 2')).toEqual({ numero: [2], titre: 'Objectif 2', numeroSeul: true });
    expect(lireNumerotation('1.1')).toEqual({ numero: [1, 1], titre: '1.1', numeroSeul: true });
    expect(lireNumerotation('Sous-axe 1.2 :')).toEqual({ numero: [1, 2], titre: 'Sous-axe 1.2 :', numeroSeul: true });
    expect(lireNumeroFiche('Fiche action 3')).toEqual({ numero: 3, titre: 'Fiche action 3', numeroSeul: true });
    expect(lireNumeroFiche('Action 12.')).toEqual({ numero: 12, titre: 'Action 12.', numeroSeul: true });
    // A numbered title keeps the usual split, without the flag.
    expect(lireNumerotation('Axe 1. Prévention')).toEqual({ numero: [1], titre: 'Prévention' });
    expect(lireNumerotation('Axe 1. Prévention').numeroSeul).toBeUndefined();
  });

  it('laisse intact un titre qui commence par un nombre sans être numéroté', () => {
    expect(lireNumerotation('2040-2044 : plan vélo')).toEqual({ numero: [], titre: '2040-2044 : plan vélo' });
    expect(lireNumerotation('3.5 millions pour la santé')).toEqual({ numero: [], titre: '3.5 millions pour la santé' });
    expect(lireNumerotation('Axe transversal')).toEqual({ numero: [], titre: 'Axe transversal' });
  });

  it('attribue à la fiche le numéro de « Action 1. » ou « Fiche Action 2. »', () => {
    expect(lireNumeroFiche('Action 1. Création d’un comité de suivi d’élus autour du CLS')).toEqual({
      numero: 1,
      titre: 'Création d’un comité de suivi d’élus autour du CLS',
    });
    expect(lireNumeroFiche('Fiche Action 2. Former les élus')).toEqual({ numero: 2, titre: 'Former les élus' });
    expect(lireNumeroFiche('Fiche action 38 - Accompagner les porteurs')).toEqual({ numero: 38, titre: 'Accompagner les porteurs' });
    expect(lireNumeroFiche('Actions de prévention 2025')).toEqual({ numero: null, titre: 'Actions de prévention 2025' });
    expect(lireNumeroFiche('Arranger la piste cyclable 2040-2044')).toEqual({
      numero: null,
      titre: 'Arranger la piste cyclable 2040-2044',
    });
  });

  it('reconnaît l’exemple et les consignes du modèle TeT', () => {
    expect(estExempleDuModele('Action 1 - Assurer la coordination\n (ou)\n1.1.1.1. Assurer la coordination \n')).toBe(true);
    expect(estExempleDuModele('Assurer la coordination (ou non)')).toBe(false);
    expect(estConsigneDuModele('Champ texte non importé\n🟢 Clé pour le pilotage')).toBe(true);
    expect(estConsigneDuModele('➔ Utilisez exactement la même écriture pour chaque intitulé')).toBe(true);
    expect(estConsigneDuModele('Champion de la prévention')).toBe(false);
  });
});

describe('dates', () => {
  it('lit les vraies dates Excel, les numéros de série et le texte ISO', () => {
    expect(lireDate(new Date(Date.UTC(2025, 11, 1)))).toEqual({ valeur: '2025-12-01' });
    expect(lireDate(45992)).toEqual({ valeur: '2025-12-01' });
    expect(lireDate('2024-03-09')).toEqual({ valeur: '2024-03-09' });
    expect(lireDate('2022-11-16T00:00:00.000Z')).toEqual({ valeur: '2022-11-16' });
    expect(lireDate('')).toBeNull();
  });

  it('distingue l’ordre américain et l’ordre français', () => {
    expect(lireDate('12/14/20')).toEqual({ valeur: '2020-12-14' });
    expect(lireDate('14/12/2020')).toEqual({ valeur: '2020-12-14' });
    expect(lireDate('03/04/2021')).toEqual({ valeur: '2021-04-03' }); // JJ/MM/AAAA, as the template asks
    expect(lireDate('03/04/21')).toEqual({ valeur: '2021-03-04' }); // m/d/yy, as Excel writes text dates
  });

  it('refuse les dates impossibles en le disant', () => {
    expect(lireDate('31/02/2024')).toEqual({ erreur: 'date « 31/02/2024 » impossible' });
    expect(lireDate('29/02/2023')).toEqual({ erreur: 'date « 29/02/2023 » impossible' });
    expect(lireDate('14/14/2020')).toEqual({ erreur: 'date « 14/14/2020 » impossible' });
    expect(lireDate('demain')).toEqual({ erreur: '« demain » n’est pas une date (attendu JJ/MM/AAAA)' });
    expect(lireDate('29/02/2024')).toEqual({ valeur: '2024-02-29' });
  });
});

describe('montants', () => {
  it('convertit les euros en centimes entiers', () => {
    expect(lireMontantCentimes(50000)).toEqual({ valeur: 5000000 });
    expect(lireMontantCentimes(999.99)).toEqual({ valeur: 99999 });
    expect(lireMontantCentimes('1 234,50 €')).toEqual({ valeur: 123450 });
    expect(lireMontantCentimes('1.234,50')).toEqual({ valeur: 123450 });
    expect(lireMontantCentimes('1,234.50')).toEqual({ valeur: 123450 });
    expect(lireMontantCentimes('12 000 € HT')).toEqual({ valeur: 1200000 });
    expect(lireMontantCentimes(null)).toBeNull();
    expect(lireMontantCentimes('beaucoup')).toEqual({ erreur: '« beaucoup » n’est pas un montant' });
    expect(lireMontantCentimes(-5)).toEqual({ erreur: 'le montant -5 est négatif' });
  });
});

describe('listes de valeurs', () => {
  it('reconnaît les statuts de TeT et les nôtres, avec leurs variantes', () => {
    expect(statutFicheDepuisTexte('À venir')).toBe('a_venir');
    expect(statutFicheDepuisTexte('A venir')).toBe('a_venir');
    expect(statutFicheDepuisTexte('Réalisé')).toBe('realisee');
    expect(statutFicheDepuisTexte('Réalisée')).toBe('realisee');
    expect(statutFicheDepuisTexte('Bloqué ')).toBe('en_pause');
    expect(statutFicheDepuisTexte('Abandonné ')).toBe('abandonnee');
    expect(statutFicheDepuisTexte('À discuter')).toBe('a_venir');
    expect(statutFicheDepuisTexte('en_retard')).toBe('en_retard');
    expect(statutFicheDepuisTexte('Peut-être')).toBeUndefined();
    expect(prioriteDepuisTexte('Élevé')).toBe('haute');
    expect(prioriteDepuisTexte('Moyenne')).toBe('moyenne');
    expect(prioriteDepuisTexte('Bas')).toBe('basse');
    expect(prioriteDepuisTexte('Faible')).toBe('basse');
    expect(prioriteDepuisTexte('Urgente')).toBeUndefined();
  });

  it('lit Oui/Non et Vrai/Faux', () => {
    expect(lireBooleen('Oui')).toEqual({ valeur: true });
    expect(lireBooleen('FAUX')).toEqual({ valeur: false });
    expect(lireBooleen('')).toBeNull();
    expect(lireBooleen('peut-être')).toEqual({ erreur: '« peut-être » n’est ni Oui ni Non' });
  });

  it('passe de l’échelle de TeT à celle de Rifkin et retour', () => {
    expect(participationDepuisTet('Pas de participation citoyenne')).toEqual({ participationCitoyenne: false, rifkin: {} });
    for (const niveau of ['Information', 'Consultation', 'Concertation', 'Co-construction']) {
      const lu = participationDepuisTet(niveau)!;
      expect(lu.participationCitoyenne).toBe(true);
      expect(niveauTetDepuisRifkin(lu.rifkin)).toBe(niveau);
      expect(participationVersTet(true, lu.rifkin)).toBe(niveau);
    }
    expect(participationDepuisTet('Beaucoup')).toBeUndefined();
    expect(participationVersTet(null, {})).toBeNull();
    expect(participationVersTet(false, {})).toBe('Pas de participation citoyenne');
  });

  it('découpe les noms aux virgules, sauf entre parenthèses ou guillemets', () => {
    expect(decouperNoms('Super partenaire, Ultra partenaire')).toEqual(['Super partenaire', 'Ultra partenaire']);
    expect(decouperNoms('Redon Agglomération (CLIC, MAIA), ARS Bretagne')).toEqual(['Redon Agglomération (CLIC, MAIA)', 'ARS Bretagne']);
    expect(decouperNoms('"Santé, social et territoire", CPAM')).toEqual(['Santé, social et territoire', 'CPAM']);
    expect(decouperNoms('- La collectivité\n- La DREAL')).toEqual(['La collectivité', 'La DREAL']);
    expect(decouperNoms(', ATS', true)).toEqual(['', 'ATS']);
    expect(decouperNoms(citerNom('Santé, social'))).toEqual(['Santé, social']);
  });
});
