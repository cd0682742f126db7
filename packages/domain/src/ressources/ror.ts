import { compacterIdentifiant } from '../identifiants';
import { texteHoraires } from './regles';
import type { ContactRessource, MissionRessource, NiveauRessource, PublicRessource } from './vocabulaire';

/**
 * Reading a ROR search answer (FHIR R4 searchset Bundle of HealthcareService, Organization and Location, as the
 * national directory returns it: ../shared/interop/ror/) into our resource fields. Pure: the service matches the
 * organisations (FINESS, SIRET) and writes. Each entry gets its line of the report: what was mapped, what was not.
 */

const EXT = 'https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/';
type Json = Record<string, any>;
/** A FHIR array, or none when the file puts something else there: a malformed entry must not stop the reading. */
const liste = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined) : []);

export interface OrganisationRor {
  reference: string;
  nom: string | null;
  finess: string | null;
  siret: string | null;
}

export interface OffreRor {
  /** Position of the entry in the Bundle (1-based). */
  entree: number;
  reference: string;
  rorId: string;
  nom: string | null;
  organisation: OrganisationRor | null;
  /** The providedBy reference, when the Bundle does not hold that Organization. */
  organisationReference: string | null;
  typeCode: string;
  publics: PublicRessource[];
  missions: MissionRessource[];
  niveau: NiveauRessource;
  adresse: string | null;
  communeCode: string | null;
  horaires: string | null;
  contacts: ContactRessource[];
  actif: boolean;
  mappes: string[];
  nonMappes: string[];
}

export interface LectureRor {
  offres: OffreRor[];
  /** Organization and Location entries, and entries of other types: one line each in the report. */
  autres: { entree: number; reference: string; type: string; nom: string | null; note: string }[];
  /** Errors that make the whole Bundle unusable (not a Bundle, no entries, a HealthcareService without a name…). */
  erreurs: { entree: number | null; message: string }[];
}

const affichage = (cc: Json | undefined) =>
  liste(cc?.coding)
    .map((c: Json) => c.display ?? c.code)
    .filter(Boolean)
    .join(', ');
const codage = (cc: Json | undefined) => liste(cc?.coding) as Json[];
const ext = (r: Json, nom: string) => liste(r.extension).find((e) => e.url === `${EXT}${nom}` || e.url === nom);

/** Our kinds of resource, recognised in the ROR category's or type's label. */
const TYPES_PAR_MOT: [RegExp, string][] = [
  [/\bSSIAD\b|soins infirmiers à domicile/i, 'ssiad'],
  [/\bHAD\b|hospitalisation à domicile/i, 'had'],
  [/\bCMP\b|centre médico-psychologique/i, 'cmp'],
  [/\bCLIC\b/i, 'clic'],
  [/\bMAIA\b|gestion de cas/i, 'maia'],
  [/\bDAC\b|\bPTA\b|appui à la coordination/i, 'pta_dac'],
  [/équipe mobile/i, 'equipe_mobile'],
  [/maison des adolescents/i, 'maison_adolescents'],
  [/\bMDPH\b|personnes handicapées/i, 'mdph'],
  [/\bCCAS\b/i, 'ccas'],
  [/centre de santé/i, 'centre_sante'],
  [/maison de santé|\bMSP\b/i, 'msp'],
  [/\bCPTS\b/i, 'cpts'],
  [/\bSAMSAH\b/i, 'samsah'],
  [/unité hospitali|établissement de santé|hôpital|clinique/i, 'etablissement_sante'],
];

/** The ROR's field of activity (TRE_R227 ChampActivite) to our missions. */
function missionsDuChamp(libelle: string): MissionRessource[] {
  if (/médecine|chirurgie|obstétrique|psychiatr|soins|réadaptation|SSR|HAD/i.test(libelle)) return ['soins'];
  if (/médico-social|social|accompagnement/i.test(libelle)) return ['accompagnement'];
  return [];
}

/** The patient age range to our publics: only where the range says it plainly. */
function publicsDeLAge(bas: number | null, haut: number | null): PublicRessource[] {
  if (bas !== null && bas >= 60) return ['personnes_agees'];
  if (haut !== null && haut <= 11) return ['enfance'];
  if (haut !== null && haut <= 18) return bas !== null && bas >= 11 ? ['adolescence'] : ['enfance', 'adolescence'];
  return [];
}

function organisationDe(r: Json, reference: string): OrganisationRor {
  let finess: string | null = null;
  let siret: string | null = null;
  for (const id of liste(r.identifier) as Json[]) {
    const systeme = String(id.system ?? '');
    const code = codage(id.type)
      .map((c) => String(c.code ?? ''))
      .join(' ');
    const valeur = id.value ? compacterIdentifiant(String(id.value)) : null;
    if (!valeur) continue;
    if (/finess/i.test(systeme) || /FINE[GJ]|FINESS/.test(code))
      finess ??= valeur.replace(/^1/, '').length === 9 && /^1\d{9}$/.test(valeur) ? valeur.slice(1) : valeur;
    else if (/sirene|siret/i.test(systeme) || /SIRET/.test(code)) siret ??= valeur;
  }
  return { reference, nom: typeof r.name === 'string' ? r.name : null, finess, siret };
}

function lieuDe(r: Json) {
  const commune = codage(ext(r, 'ror-commune-cog')?.valueCodeableConcept)[0];
  const a = r.address ?? {};
  const adresse = [...liste(a.line), [a.postalCode, a.city].filter(Boolean).join(' ')].filter((t) => t && String(t).trim()).join(', ');
  return {
    communeCode: commune?.code ? String(commune.code).toUpperCase() : null,
    communeNom: commune?.display ?? a.city ?? null,
    adresse: adresse || null,
  };
}

const refDe = (entree: Json) => {
  const r = entree.resource ?? {};
  return `${r.resourceType}/${r.id}`;
};

export function lireBundleRor(bundle: unknown): LectureRor {
  const erreurs: LectureRor['erreurs'] = [];
  const b = bundle as Json;
  if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle')
    return {
      offres: [],
      autres: [],
      erreurs: [{ entree: null, message: 'Le fichier n’est pas un Bundle FHIR (resourceType « Bundle » attendu).' }],
    };
  if (!Array.isArray(b.entry) || !b.entry.length)
    return { offres: [], autres: [], erreurs: [{ entree: null, message: 'Le Bundle ne contient aucune entrée (entry).' }] };
  const entrees = b.entry as Json[];
  // Each resource is found by "Type/id" and by its fullUrl, the two ways a reference may name it.
  const index = new Map<string, Json>();
  entrees.forEach((e) => {
    const r = e?.resource;
    if (!r?.resourceType) return;
    if (r.id) index.set(`${r.resourceType}/${r.id}`, r);
    if (e.fullUrl) index.set(String(e.fullUrl), r);
  });
  const trouver = (reference: string | undefined) =>
    reference ? (index.get(reference) ?? [...index].find(([cle]) => cle.endsWith(`/${reference}`))?.[1]) : undefined;
  const utilises = new Map<string, number>();
  const offres: OffreRor[] = [];
  const autres: LectureRor['autres'] = [];

  entrees.forEach((e, i) => {
    const entree = i + 1;
    const r = e?.resource as Json | undefined;
    if (!r || typeof r !== 'object' || !r.resourceType) {
      erreurs.push({ entree, message: `Entrée ${entree} : pas de ressource FHIR (resource.resourceType manquant).` });
      return;
    }
    if (r.resourceType !== 'HealthcareService') return;
    const mappes: string[] = [];
    const nonMappes: string[] = [];
    const idRor = liste(r.identifier).find((id) => codage(id.type).some((c) => c.code === '35'))?.value ?? null;
    const rorId = String(idRor ?? r.id ?? '').trim();
    if (!rorId) {
      erreurs.push({
        entree,
        message: `Entrée ${entree} (HealthcareService) : ni identifiant ROR ni id, impossible de la retrouver au prochain import.`,
      });
      return;
    }
    const nom = typeof r.name === 'string' && r.name.trim() ? r.name.replace(/\s+/g, ' ').trim() : null;
    if (!nom) erreurs.push({ entree, message: `Entrée ${entree} (HealthcareService ${rorId}) : l’offre n’a pas de nom (name).` });
    else mappes.push(`nom ← name « ${nom} »`);
    mappes.push(`identifiant ROR ← ${idRor ? 'identifier (type 35)' : 'id'} « ${rorId} »`);

    const refOrganisation = r.providedBy?.reference as string | undefined;
    const org = trouver(refOrganisation);
    if (org) utilises.set(`${org.resourceType}/${org.id}`, (utilises.get(`${org.resourceType}/${org.id}`) ?? 0) + 1);
    const organisation = org ? organisationDe(org, `${org.resourceType}/${org.id}`) : null;

    const libelles = [...liste(r.category), ...liste(r.type)].map(affichage).filter(Boolean).join(' ; ');
    const typeTrouve = TYPES_PAR_MOT.find(([motif]) => motif.test(`${libelles} ${nom ?? ''}`));
    const typeCode = typeTrouve?.[1] ?? 'autre';
    if (typeTrouve) mappes.push(`type ← « ${libelles || nom} »`);
    else nonMappes.push(`catégorie « ${libelles || 'absente'} » : aucun type de la liste n’y correspond, type « Autre »`);

    const champ = liste(r.type).map(affichage).filter(Boolean).join(', ');
    const missions = missionsDuChamp(champ);
    if (missions.length) mappes.push(`missions ← champ d’activité « ${champ} »`);
    else nonMappes.push(champ ? `champ d’activité « ${champ} » : mission non déduite` : 'missions : aucun champ d’activité');
    const niveau: NiveauRessource = 'effecteur';
    mappes.push('niveau ← « Effecteur » (une offre de soins ou d’accompagnement du ROR)');
    const specialites = liste(r.specialty).map(affichage).filter(Boolean);
    if (specialites.length) nonMappes.push(`activité opérationnelle « ${specialites.join(', ')} » : gardée dans le rapport seulement`);

    const age = liste(ext(r, 'ror-healthcareservice-patient-type')?.extension).find((x: Json) => x.url === 'ageRange')?.valueRange;
    const bas = typeof age?.low?.value === 'number' ? age.low.value : null;
    const haut = typeof age?.high?.value === 'number' ? age.high.value : null;
    const publics = publicsDeLAge(bas, haut);
    if (age && publics.length) mappes.push(`publics ← tranche d’âge ${bas ?? '?'}–${haut ?? '?'} ans`);
    else
      nonMappes.push(
        age
          ? `tranche d’âge ${bas ?? '?'}–${haut ?? '?'} ans : aucun public de la grille n’y correspond, publics à compléter`
          : 'publics : aucune tranche d’âge',
      );

    const creneaux = liste(r.availableTime).map((t) => ({
      jours: (liste(t.daysOfWeek) as unknown[]).filter((j): j is string => typeof j === 'string'),
      debut: typeof t.availableStartTime === 'string' ? t.availableStartTime : null,
      fin: typeof t.availableEndTime === 'string' ? t.availableEndTime : null,
      toujours: t.allDay === true,
    }));
    const horaires = texteHoraires(creneaux);
    if (horaires) mappes.push(`horaires ← availableTime « ${horaires} »`);
    else nonMappes.push('horaires : aucun availableTime');

    const contacts: ContactRessource[] = [];
    for (const contact of liste(r.extension).filter((x) => x.url === `${EXT}ror-healthcareservice-contact`)) {
      for (const telecom of liste(contact.extension).filter((x) => x.url === `${EXT}ror-healthcareservice-contact-telecom`)) {
        const adresse = liste(telecom.extension).find((x: Json) => x.url === 'telecomAddress')?.valueString;
        const canal = affichage(
          liste(telecom.extension).find((x: Json) => x.url === `${EXT}ror-telecom-communication-channel`)?.valueCodeableConcept,
        );
        if (!adresse) continue;
        const type =
          /mail|messagerie/i.test(canal) || String(adresse).includes('@')
            ? 'courriel'
            : /t[ée]l[ée]phone|fax/i.test(canal)
              ? 'telephone'
              : /site|web|url/i.test(canal)
                ? 'site'
                : 'autre';
        contacts.push({ type, valeur: String(adresse), libelle: canal || null });
      }
    }
    for (const t of liste(r.telecom) as Json[])
      if (t.value)
        contacts.push({
          type: t.system === 'email' ? 'courriel' : t.system === 'url' ? 'site' : t.system === 'phone' ? 'telephone' : 'autre',
          valeur: String(t.value),
          libelle: null,
        });
    if (contacts.length) mappes.push(`contacts ← ${contacts.map((c) => `${c.libelle ?? c.type} ${c.valeur}`).join(', ')}`);
    else nonMappes.push('contacts : aucun');

    let adresse: string | null = null;
    let communeCode: string | null = null;
    const refLieu = liste(r.location)[0]?.reference as string | undefined;
    const lieu = trouver(refLieu);
    if (lieu) {
      utilises.set(`${lieu.resourceType}/${lieu.id}`, (utilises.get(`${lieu.resourceType}/${lieu.id}`) ?? 0) + 1);
      const l = lieuDe(lieu);
      adresse = l.adresse;
      communeCode = l.communeCode;
      if (communeCode) mappes.push(`commune ← ${refLieu} (code COG ${communeCode}${l.communeNom ? `, ${l.communeNom}` : ''})`);
      else nonMappes.push(`commune : ${refLieu} ne porte pas de code commune (ror-commune-cog)`);
      if (adresse) mappes.push(`adresse ← ${refLieu} « ${adresse} »`);
    } else nonMappes.push(refLieu ? `lieu ${refLieu} absent du Bundle : adresse et commune non renseignées` : 'lieu : aucun (location)');
    if (r.active === false) mappes.push('statut ← « Suspendue » (active = false)');
    const extensionsIgnorees = liste(r.extension)
      .map((x) => String(x.url).replace(EXT, ''))
      .filter((u) => !['ror-healthcareservice-patient-type', 'ror-healthcareservice-contact'].includes(u));
    if (extensionsIgnorees.length) nonMappes.push(`non repris : ${extensionsIgnorees.join(', ')}`);
    const caracteristiques = liste(r.characteristic).map(affichage).filter(Boolean);
    if (caracteristiques.length) nonMappes.push(`caractéristiques non reprises : ${caracteristiques.join(' ; ')}`);

    offres.push({
      entree,
      reference: refDe(e),
      rorId,
      nom,
      organisation,
      organisationReference: org ? null : (refOrganisation ?? null),
      typeCode,
      publics,
      missions,
      niveau,
      adresse,
      communeCode,
      horaires,
      contacts,
      actif: r.active !== false,
      mappes,
      nonMappes,
    });
  });

  entrees.forEach((e, i) => {
    const r = e?.resource as Json | undefined;
    if (!r?.resourceType || r.resourceType === 'HealthcareService') return;
    const reference = refDe(e);
    const n = utilises.get(reference) ?? 0;
    const note =
      r.resourceType === 'Organization' || r.resourceType === 'Location'
        ? n
          ? `utilisée par ${n} offre${n > 1 ? 's' : ''} du Bundle`
          : 'aucune offre du Bundle n’y renvoie : non reprise'
        : `type ${r.resourceType} non repris`;
    autres.push({ entree: i + 1, reference, type: r.resourceType, nom: r.name ?? null, note });
  });
  if (!offres.length && !erreurs.length) erreurs.push({ entree: null, message: 'Le Bundle ne contient aucune offre (HealthcareService).' });
  return { offres, autres, erreurs };
}
