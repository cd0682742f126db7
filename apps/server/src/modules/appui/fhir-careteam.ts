import { createHash } from 'node:crypto';
import type { BundleCercleDeSoins } from '@maillage/domain/api';

/**
 * A case's care team as a FHIR R4 transaction Bundle following the ANS guide « Cercle de soins » (ans.fhir.fr.cds,
 * decision 0033): the CareTeam (profile cds-ihe-careteam) whose subject is the Patient, whose managing organisation
 * is the support team, and whose members are, as the guide allows them, PractitionerRoles (the médecin traitant, the
 * team's staff on the case), RelatedPersons (a carer) and Organizations (the structures an orientation was accepted
 * by). Each entry is POSTed with a urn:uuid fullUrl; references are written « Type/id » like the guide's examples.
 * Pure: the service loads and decrypts, this file only writes.
 */

const CDS = 'https://interop.esante.gouv.fr/ig/fhir/cds/StructureDefinition';
const FR_CORE = 'https://hl7.fr/ig/fhir/core/StructureDefinition';
export const PROFILS_CDS = {
  bundle: `${CDS}/cds-bundle-transaction-creation`,
  careTeam: `${CDS}/cds-ihe-careteam`,
  organisation: `${CDS}/cds-organization`,
  relatedPerson: `${CDS}/cds-fr-related-person`,
  // The INS is kept as entered and never qualified here: the plain French patient, not fr-core-patient-ins.
  patient: `${FR_CORE}/fr-core-patient`,
  practitioner: `${FR_CORE}/fr-core-practitioner`,
  practitionerRole: `${FR_CORE}/fr-core-practitioner-role`,
} as const;
const ROLES_CDS = 'https://interop.esante.gouv.fr/ig/fhir/cds/CodeSystem/careteam-roles-cs';

export interface PersonneCercle {
  id: string;
  nom: string;
  nomUsage?: string | null;
  prenoms: string;
  dateNaissance?: string | null;
  sexe?: 'F' | 'M' | 'I' | null;
  communeNom?: string | null;
  communeCode?: string | null;
}

export interface Professionnel {
  /** Stable source id (account id, or « medecin:<case> »). */
  id: string;
  nom: string;
  prenom?: string | null;
  rpps?: string | null;
  role: { code?: 'MT'; libelle: string };
  depuis: string;
  courriel?: string | null;
}

export interface CercleDeSoins {
  situation: { id: string; numero: number; ouverteLe: string; closeLe: string | null };
  personne: PersonneCercle;
  equipe: { id: string; nom: string; siret: string | null; finess: string | null };
  professionnels: Professionnel[];
  aidants: { id: string; nom: string; qualite: string | null; telephone: string | null; depuis: string }[];
  structures: {
    id: string;
    nom: string;
    typeLibelle: string;
    adresse: string | null;
    communeNom: string | null;
    communeCode: string | null;
    depuis: string;
  }[];
  /** Where the identifier of the CareTeam lives (the platform's public address). */
  systeme: string;
  genereLe: string;
}

/** A stable UUID for a resource made from a row (same case, same ids: an export can be compared with the last). */
function uuidDe(type: string, source: string): string {
  const h = createHash('sha256').update(`${type}:${source}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const jour = (iso: string) => iso.slice(0, 10);
const SEXES_FHIR = { F: 'female', M: 'male', I: 'other' } as const;
const coupe = (prenoms: string) => prenoms.split(/[\s,]+/).filter(Boolean);

type Ressource = { resourceType: string; id: string; meta: { profile: string[]; lastUpdated?: string } } & Record<string, unknown>;

export function bundleCercleDeSoins(c: CercleDeSoins): BundleCercleDeSoins {
  const entrees: Ressource[] = [];
  const ajouter = (r: Ressource) => {
    entrees.push(r);
    return { reference: `${r.resourceType}/${r.id}` };
  };

  const patient = ajouter({
    resourceType: 'Patient',
    id: uuidDe('Patient', c.personne.id),
    meta: { profile: [PROFILS_CDS.patient] },
    extension: [
      {
        url: `${FR_CORE}/fr-core-identity-reliability`,
        extension: [
          { url: 'identityStatus', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', code: 'PROV' } },
        ],
      },
    ],
    name: [
      { use: 'official', family: c.personne.nom, given: coupe(c.personne.prenoms) },
      ...(c.personne.nomUsage ? [{ use: 'usual', family: c.personne.nomUsage, given: coupe(c.personne.prenoms) }] : []),
    ],
    gender: c.personne.sexe ? SEXES_FHIR[c.personne.sexe] : 'unknown',
    ...(c.personne.dateNaissance ? { birthDate: c.personne.dateNaissance } : {}),
    ...(c.personne.communeNom || c.personne.communeCode
      ? {
          address: [
            {
              ...(c.personne.communeNom ? { city: c.personne.communeNom } : {}),
              ...(c.personne.communeCode ? { district: c.personne.communeCode } : {}),
            },
          ],
        }
      : {}),
  });

  const equipe = ajouter({
    resourceType: 'Organization',
    id: uuidDe('Organization', c.equipe.id),
    meta: { profile: [PROFILS_CDS.organisation] },
    ...identifiantsOrganisation(c.equipe.siret, c.equipe.finess),
    active: true,
    name: c.equipe.nom,
  });

  const participants: Record<string, unknown>[] = [];
  for (const p of c.professionnels) {
    const praticien = ajouter({
      resourceType: 'Practitioner',
      id: uuidDe('Practitioner', p.id),
      meta: { profile: [PROFILS_CDS.practitioner] },
      ...(p.rpps
        ? {
            identifier: [
              {
                use: 'official',
                type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'IDNPS' }] },
                system: 'urn:oid:1.2.250.1.71.4.2.1',
                value: `8${p.rpps}`,
              },
            ],
          }
        : {}),
      name: [{ family: p.nom, ...(p.prenom ? { given: coupe(p.prenom) } : {}) }],
      ...(p.courriel ? { telecom: [{ system: 'email', value: p.courriel }] } : {}),
    });
    const role = ajouter({
      resourceType: 'PractitionerRole',
      id: uuidDe('PractitionerRole', p.id),
      meta: { profile: [PROFILS_CDS.practitionerRole] },
      active: true,
      practitioner: praticien,
      // The team's staff act for the team; the médecin traitant for their own practice, unknown here.
      ...(p.role.code ? {} : { organization: equipe }),
      code: [{ text: p.role.libelle }],
    });
    participants.push(participant(role, jour(p.depuis), p.role.code ? roleCds(p.role.code, p.role.libelle) : { text: p.role.libelle }));
  }
  for (const a of c.aidants) {
    const proche = ajouter({
      resourceType: 'RelatedPerson',
      id: uuidDe('RelatedPerson', a.id),
      meta: { profile: [PROFILS_CDS.relatedPerson] },
      active: true,
      patient,
      ...(a.qualite ? { relationship: [{ text: a.qualite }] } : {}),
      name: [{ text: a.nom }],
      ...(a.telephone ? { telecom: [{ system: 'phone', value: a.telephone }] } : {}),
    });
    participants.push(participant(proche, jour(a.depuis), roleCds('AID', 'Aidant')));
  }
  for (const s of c.structures) {
    const org = ajouter({
      resourceType: 'Organization',
      id: uuidDe('Organization', `ressource:${s.id}`),
      meta: { profile: [PROFILS_CDS.organisation] },
      active: true,
      type: [{ text: s.typeLibelle }],
      name: s.nom,
      ...(s.adresse || s.communeNom
        ? { address: [{ ...(s.adresse ? { line: [s.adresse] } : {}), ...(s.communeNom ? { city: s.communeNom } : {}) }] }
        : {}),
    });
    participants.push(participant(org, jour(s.depuis), { text: s.typeLibelle }));
  }

  const nomComplet = `${coupe(c.personne.prenoms)[0] ?? ''} ${c.personne.nom}`.trim();
  const careTeam: Ressource = {
    resourceType: 'CareTeam',
    id: uuidDe('CareTeam', c.situation.id),
    meta: { lastUpdated: c.genereLe, profile: [PROFILS_CDS.careTeam] },
    identifier: [{ system: c.systeme, value: String(c.situation.numero) }],
    status: c.situation.closeLe ? 'inactive' : 'active',
    name: `Cercle de soins de ${nomComplet}`,
    subject: patient,
    period: { start: jour(c.situation.ouverteLe), ...(c.situation.closeLe ? { end: jour(c.situation.closeLe) } : {}) },
    participant: participants,
    managingOrganization: [equipe],
  };
  // The CareTeam first, as the guide's example.
  return {
    resourceType: 'Bundle',
    meta: { profile: [PROFILS_CDS.bundle] },
    type: 'transaction',
    entry: [careTeam, ...entrees].map((r) => ({
      fullUrl: `urn:uuid:${r.id}`,
      resource: r,
      request: { method: 'POST' as const, url: r.resourceType },
    })),
  };
}

function participant(member: { reference: string }, debut: string, role: Record<string, unknown>) {
  return { role: [role], member, period: { start: debut } };
}

const roleCds = (code: string, display: string) => ({ coding: [{ system: ROLES_CDS, code, display }] });

function identifiantsOrganisation(siret: string | null, finess: string | null) {
  const identifier = [
    // The IDNST of the French directories: 1 + FINESS, 3 + SIRET.
    ...(finess ? [{ system: 'urn:oid:1.2.250.1.71.4.2.2', value: `1${finess}` }] : []),
    ...(siret ? [{ system: 'urn:oid:1.2.250.1.71.4.2.2', value: `3${siret}` }] : []),
  ];
  return identifier.length ? { identifier } : {};
}
