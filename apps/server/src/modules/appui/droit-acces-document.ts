import { formaterDate } from '@maillage/domain';
import type { DroitAccesPersonne } from '@maillage/domain/api';
import { rendreDocument } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { blocsPlan } from './plan-document';

/** The access-right export as a PDF the person can read: the same contents as the JSON, in French. */

const jour = (iso: string | null) => (iso ? formaterDate(iso.slice(0, 10)) : '—');
const valeurs = (o: Record<string, unknown> | null) =>
  Object.entries(o ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k} : ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);

function blocsSituation(s: DroitAccesPersonne['situations'][number]): Bloc[] {
  return [
    { type: 'titre', niveau: 2, texte: `Situation n° ${s.numero}`, nouvellePage: true },
    {
      type: 'liste',
      elements: [
        `Statut : ${s.statut}${s.closeLe ? `, close le ${jour(s.closeLe)} (${s.motifCloture ?? ''})` : ''}`,
        `Ouverte le ${jour(s.ouverteLe)}${s.niveau ? `, niveau de réponse : ${s.niveau}` : ''}`,
        `Information de la personne : ${jour(s.informeeLe)} ; opposition : ${jour(s.oppositionLe)}${s.oppositionMotif ? ` (${s.oppositionMotif})` : ''}`,
        `Médecin traitant : ${[s.medecinNom, s.medecinRpps && `RPPS ${s.medecinRpps}`, s.medecinCourriel].filter(Boolean).join(', ') || '—'}`,
      ],
    },
    { type: 'titre', niveau: 3, texte: 'Évaluations' },
    s.evaluations.length
      ? { type: 'liste', elements: s.evaluations.map((e) => `${jour(e.evalueeLe)} — ${e.niveau} — ${valeurs(e.grille).join(' ; ')}`) }
      : { type: 'paragraphe', texte: 'Aucune.', italique: true },
    { type: 'titre', niveau: 3, texte: 'Orientations' },
    s.orientations.length
      ? {
          type: 'tableau',
          entetes: ['Ressource', 'Issue', 'Orientée le', 'Commentaire'],
          lignes: s.orientations.map((o) => [o.ressource, o.issue, jour(o.orienteeLe), o.commentaire ?? '']),
        }
      : { type: 'paragraphe', texte: 'Aucune.', italique: true },
    { type: 'titre', niveau: 3, texte: `Plan personnalisé (${s.plans.length} version${s.plans.length > 1 ? 's' : ''})` },
    ...s.plans.flatMap((p): Bloc[] => [
      { type: 'paragraphe', texte: `Version ${p.version} du ${jour(p.enregistreLe)}, par ${p.auteur} — référent : ${p.contenu.referent}` },
      ...blocsPlan(p.contenu, 2).map((b) => (b.type === 'titre' ? { ...b, niveau: 3 as const } : b)),
    ]),
    { type: 'titre', niveau: 3, texte: 'Concertations' },
    s.concertations.length
      ? {
          type: 'tableau',
          entetes: ['Date', 'Participants', 'Décisions', 'Rémunérable'],
          lignes: s.concertations.map((c) => [
            jour(c.date),
            c.participants.map((p) => `${p.nom}${p.qualite ? ` (${p.qualite})` : ''}`).join(', '),
            c.decisions,
            c.remunerable ? 'Oui' : 'Non',
          ]),
        }
      : { type: 'paragraphe', texte: 'Aucune.', italique: true },
    ...(s.cloture ? [{ type: 'paragraphe' as const, texte: `Clôture par ${s.cloture.closePar}${s.cloture.precision ? ` : ${s.cloture.precision}` : ''}` }] : []),
    { type: 'titre', niveau: 3, texte: 'Qui a consulté cette situation' },
    s.journalAcces.length
      ? { type: 'tableau', entetes: ['Date', 'Qui', 'Quoi'], lignes: s.journalAcces.map((j) => [new Date(j.le).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }), j.utilisateur, j.objet]) }
      : { type: 'paragraphe', texte: 'Personne.', italique: true },
  ];
}

export function rendreDroitAcces(d: DroitAccesPersonne) {
  const blocs: Bloc[] = [
    { type: 'titre', niveau: 1, texte: 'Données détenues sur vous' },
    { type: 'paragraphe', texte: `${d.equipe.nom} — export du ${jour(d.genereLe)} (droit d’accès, article 15 du RGPD).` },
    { type: 'titre', niveau: 2, texte: 'Identité' },
    { type: 'liste', elements: valeurs(d.personne as Record<string, unknown>).filter((l) => !l.startsWith('id :')) },
    { type: 'titre', niveau: 2, texte: 'Demandes' },
    ...d.demandes.map(
      (x): Bloc => ({
        type: 'liste',
        elements: [
          `Demande n° ${x.numero} reçue le ${jour(x.recueLe)} (${x.canal}, origine ${x.origine}, urgence ${x.urgence}, ${x.statut})`,
          `Motif : ${x.motif}`,
          ...(x.demandeur ? [`Demandeur : ${valeurs(x.demandeur).join(' ; ')}`] : []),
          `Premier contact : ${jour(x.premierContactLe)}`,
        ],
      }),
    ),
    ...d.situations.flatMap(blocsSituation),
  ];
  return rendreDocument({ titre: 'Données détenues sur vous', blocs }, 'pdf', 'droit-acces', d.personne.id.slice(0, 8));
}
