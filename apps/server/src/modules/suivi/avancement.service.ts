import { avancementFiche, cumulerAvancement, LIBELLES_STATUT_FICHE, type StatutFiche } from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';

const arrondi = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The contract's progress: each fiche from its validated indicator values (or its statut), rolled up, weighted, to
 * its objectif, its axe and the contract; with every fiche's statut history. Percentages from 0 to 100.
 * Also used by the public pages, so it reads only what may be published (validated values, statuts).
 */
export async function avancementContrat(db: Queryable, contratId: string) {
  const [axes, { rows: fiches }, { rows: indicateurs }, { rows: historiques }] = await Promise.all([
    contrats.listerAxes(db, contratId),
    db.query(
      `select id, numero, intitule, statut, axe_id as "axeId", objectif_id as "objectifId", poids from fiches where contrat_id = $1 order by ordre`,
      [contratId],
    ),
    db.query(
      `select i.id, i.fiche_id as "ficheId", i.poids, i.pourcentage, i.cibles,
         case when i.pourcentage then i.reference_numerateur / nullif(i.reference_denominateur, 0) * 100 else i.reference_valeur end as reference,
         coalesce(json_agg(json_build_object('periode', v.periode, 'valeur', v.valeur)) filter (where v.id is not null), '[]') as valides
       from indicateurs_suivi i left join valeurs_suivi v on v.indicateur_id = i.id and v.etat = 'valide' and v.valeur is not null
       where i.contrat_id = $1 group by i.id`,
      [contratId],
    ),
    db.query(
      `select s.fiche_id as "ficheId", json_agg(json_build_object('statut', s.statut, 'le', s.le, 'par', s.par) order by s.le, s.id) as historique
       from fiche_statuts s join fiches f on f.id = s.fiche_id where f.contrat_id = $1 group by s.fiche_id`,
      [contratId],
    ),
  ]);
  const mesurees = fiches.map((f) => {
    const propres = indicateurs
      .filter((i) => i.ficheId === f.id)
      .map((i) => ({
        poids: i.poids,
        reference: i.reference,
        cibles: (i.cibles as { periode: string; valeur?: number | null; numerateur?: number | null; denominateur?: number | null }[]).flatMap((c) => {
          const v = i.pourcentage ? (c.numerateur != null && c.denominateur ? (c.numerateur / c.denominateur) * 100 : null) : c.valeur ?? null;
          return v === null ? [] : [{ periode: c.periode, valeur: v }];
        }),
        valeursValidees: i.valides as { periode: string; valeur: number }[],
      }));
    const a = avancementFiche(f.statut as StatutFiche, propres);
    return { ...f, ...a, indicateurs: propres.length };
  });
  const cumul = cumulerAvancement(mesurees);
  const vueFiche = (f: (typeof mesurees)[number]) => ({
    id: f.id,
    numero: f.numero,
    intitule: f.intitule,
    statut: f.statut,
    statutLibelle: LIBELLES_STATUT_FICHE[f.statut as StatutFiche] ?? f.statut,
    poids: f.poids,
    avancement: arrondi(f.avancement),
    source: f.source,
    indicateurs: f.indicateurs,
    indicateursMesures: f.indicateursMesures,
    historiqueStatuts: historiques.find((h) => h.ficheId === f.id)?.historique ?? [],
  });
  const parStatut = Object.fromEntries(Object.keys(LIBELLES_STATUT_FICHE).map((s) => [s, fiches.filter((f) => f.statut === s).length]));
  return {
    avancement: arrondi(cumul.contrat.avancement),
    fiches: fiches.length,
    parStatut,
    axes: axes.map((axe, n) => ({
      id: axe.id,
      numero: n + 1,
      intitule: axe.intitule,
      avancement: arrondi(cumul.parAxe.get(axe.id)?.avancement ?? null),
      poids: cumul.parAxe.get(axe.id)?.poids ?? 0,
      objectifs: axe.objectifs.map((o, m) => ({
        id: o.id,
        numero: `${n + 1}.${m + 1}`,
        intitule: o.intitule,
        avancement: arrondi(cumul.parObjectif.get(o.id)?.avancement ?? null),
        poids: cumul.parObjectif.get(o.id)?.poids ?? 0,
        fiches: mesurees.filter((f) => f.objectifId === o.id).map(vueFiche),
      })),
      fichesSansObjectif: mesurees.filter((f) => f.axeId === axe.id && !axe.objectifs.some((o) => o.id === f.objectifId)).map(vueFiche),
    })),
    fichesSansAxe: mesurees.filter((f) => !f.axeId || !axes.some((a) => a.id === f.axeId)).map(vueFiche),
  };
}

export async function avancementDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return avancementContrat(ctx.db, contratId);
}
