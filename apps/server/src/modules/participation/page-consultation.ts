import { formaterDate } from '@maillage/domain';
import type { ConsultationPublique, QuestionVue } from '@maillage/domain/api';

/**
 * The public consultation page as HTML (decision 0041, after 0029): a plain form in DSFR markup that works without
 * JavaScript, with the keyboard alone and on a phone. Everything written here from data is escaped.
 */

export const echapper = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** What the person typed, by field name (q_<question>, code), to fill the form again after an error. */
export type Saisie = Record<string, string[]>;
export type ErreursPage = Map<string, string>;

const paragraphes = (texte: string) =>
  texte
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${echapper(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

const OBLIGATOIRE = '<span aria-hidden="true"> *</span>';

function messages(id: string, erreur: string | undefined) {
  return `<div class="fr-messages-group" id="${id}-messages" aria-live="polite">${
    erreur ? `<p class="fr-message fr-message--error">${echapper(erreur)}</p>` : ''
  }</div>`;
}

/** A group of radios or boxes in a fieldset: choice, scale, age band. */
function groupe(q: QuestionVue, options: [string, string][], saisie: string[], erreur: string | undefined, multiple: boolean) {
  const id = `q-${q.id}`;
  const type = multiple ? 'checkbox' : 'radio';
  const enLigne = q.type === 'echelle' ? ' fr-fieldset__element--inline' : '';
  const elements = options
    .map(([valeur, libelle], i) => {
      const coche = saisie.includes(valeur) ? ' checked' : '';
      const requis = q.obligatoire && !multiple ? ' required' : '';
      return `<div class="fr-fieldset__element${enLigne}"><div class="fr-${type}-group"><input type="${type}" id="${id}-${i}" name="q_${q.id}" value="${echapper(valeur)}"${coche}${requis}><label class="fr-label" for="${id}-${i}">${echapper(libelle)}</label></div></div>`;
    })
    .join('');
  const aide = q.aide
    ? `<span class="fr-hint-text">${echapper(q.aide)}</span>`
    : multiple
      ? '<span class="fr-hint-text">Plusieurs réponses possibles.</span>'
      : '';
  return `<fieldset class="fr-fieldset${erreur ? ' fr-fieldset--error' : ''}" id="${id}" aria-labelledby="${id}-legende ${id}-messages">
<legend class="fr-fieldset__legend fr-text--regular" id="${id}-legende">${echapper(q.libelle)}${q.obligatoire ? OBLIGATOIRE : ''}${aide}</legend>
${elements}${messages(id, erreur)}</fieldset>`;
}

function champ(q: QuestionVue, c: ConsultationPublique, saisie: string[], erreur: string | undefined) {
  const id = `q-${q.id}`;
  const decrit = `aria-describedby="${id}-messages"`;
  const requis = q.obligatoire ? ' required' : '';
  const etiquette = `<label class="fr-label" for="${id}">${echapper(q.libelle)}${q.obligatoire ? OBLIGATOIRE : ''}${
    q.aide ? `<span class="fr-hint-text">${echapper(q.aide)}</span>` : ''
  }</label>`;
  const valeur = saisie[0] ?? '';
  const erreurClasse = (base: string) => (erreur ? ` ${base}--error` : '');
  if (q.type === 'texte_court' || q.type === 'texte_long') {
    const saisieHtml =
      q.type === 'texte_court'
        ? `<input class="fr-input${erreurClasse('fr-input')}" type="text" id="${id}" name="q_${q.id}" maxlength="300" value="${echapper(valeur)}" ${decrit}${requis}>`
        : `<textarea class="fr-input${erreurClasse('fr-input')}" id="${id}" name="q_${q.id}" rows="5" maxlength="4000" ${decrit}${requis}>${echapper(valeur)}</textarea>`;
    return `<div class="fr-input-group${erreur ? ' fr-input-group--error' : ''}">${etiquette}${saisieHtml}${messages(id, erreur)}</div>`;
  }
  // Commune of residence: a list, the communes of the contract's territory.
  const options = c.communes
    .map((o) => `<option value="${echapper(o.code)}"${o.code === valeur ? ' selected' : ''}>${echapper(o.libelle)}</option>`)
    .join('');
  return `<div class="fr-select-group${erreur ? ' fr-select-group--error' : ''}">${etiquette}<select class="fr-select${erreurClasse('fr-select')}" id="${id}" name="q_${q.id}" ${decrit}${requis}><option value="">Choisir une commune</option>${options}</select>${messages(id, erreur)}</div>`;
}

function question(q: QuestionVue, c: ConsultationPublique, saisie: Saisie, erreurs: ErreursPage) {
  const valeurs = saisie[`q_${q.id}`] ?? [];
  const erreur = erreurs.get(`reponses.${q.id}`);
  switch (q.type) {
    case 'choix_unique':
      return groupe(
        q,
        (q.choix ?? []).map((x) => [x, x]),
        valeurs,
        erreur,
        false,
      );
    case 'choix_multiple':
      return groupe(
        q,
        (q.choix ?? []).map((x) => [x, x]),
        valeurs,
        erreur,
        true,
      );
    case 'echelle': {
      const { min, max, libelleMin, libelleMax } = q.echelle ?? { min: 1, max: 5 };
      const options = Array.from({ length: max - min + 1 }, (_, i): [string, string] => {
        const n = min + i;
        const bout = n === min ? libelleMin : n === max ? libelleMax : null;
        return [String(n), bout ? `${n} — ${bout}` : String(n)];
      });
      return groupe(q, options, valeurs, erreur, false);
    }
    case 'tranche_age':
      return groupe(
        q,
        c.tranchesAge.map((t) => [t.code, t.libelle]),
        valeurs,
        erreur,
        false,
      );
    default:
      return champ(q, c, valeurs, erreur);
  }
}

function resumeErreurs(erreurs: ErreursPage, general: string | null) {
  if (!erreurs.size && !general) return '';
  const liens = [...erreurs].map(([cle, message]) => {
    const cible = cle === 'code' ? 'code' : `q-${cle.replace(/^reponses\./, '')}`;
    return `<li><a href="#${echapper(cible)}">${echapper(message)}</a></li>`;
  });
  return `<div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreurs"><h2 class="fr-alert__title">Votre réponse n’a pas été enregistrée</h2>${
    general ? `<p>${echapper(general)}</p>` : ''
  }${liens.length ? `<ul>${liens.join('')}</ul>` : ''}</div>`;
}

/** The questionnaire as a form posting to itself; in a preview, no form can be sent. */
export function formulaire(c: ConsultationPublique, saisie: Saisie = {}, erreurs: ErreursPage = new Map(), general: string | null = null) {
  const sections = c.sections
    .filter((s) => s.questions.length)
    .map((s) => {
      const titre = s.titre ? `<h2 class="fr-h4">${echapper(s.titre)}</h2>` : '';
      const description = s.description ? paragraphes(s.description) : '';
      return `<section class="fr-mb-4w">${titre}${description}${s.questions.map((q) => question(q, c, saisie, erreurs)).join('\n')}</section>`;
    })
    .join('\n');
  const erreurCode = erreurs.get('code');
  const code = c.codesRequis
    ? `<div class="fr-input-group${erreurCode ? ' fr-input-group--error' : ''} fr-mb-4w"><label class="fr-label" for="code">Votre code à usage unique${OBLIGATOIRE}<span class="fr-hint-text">Il figure sur le papier qui vous a été remis, par exemple K7QM-2XHP.</span></label><input class="fr-input${erreurCode ? ' fr-input--error' : ''}" type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required value="${echapper(saisie.code?.[0] ?? '')}" aria-describedby="code-messages">${messages('code', erreurCode)}</div>`
    : '';
  // A field people never see: a robot filling every field gives itself away (decision 0041).
  const piege =
    '<div class="maillage-piege" hidden><label for="site_web">Ne remplissez pas ce champ</label><input type="text" id="site_web" name="site_web" autocomplete="off" tabindex="-1"></div>';
  const periode = c.fin ? `<p>Vous pouvez répondre jusqu’au ${formaterDate(c.fin)} inclus.</p>` : '';
  const apercu = c.apercu
    ? '<div class="fr-alert fr-alert--info fr-mb-4w"><h2 class="fr-alert__title">Aperçu</h2><p>Voici la consultation telle que le public la verra. Rien ne peut être envoyé depuis cet aperçu.</p></div>'
    : '';
  return `<main id="contenu" class="fr-container fr-my-6w" tabindex="-1">
<div class="fr-grid-row"><div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
${apercu}<p class="fr-text--sm fr-mb-1w">${echapper(c.contrat.nom)}</p>
<h1>${echapper(c.titre)}</h1>
${c.introduction ? paragraphes(c.introduction) : ''}${periode}
<p class="fr-text--sm">Vos réponses sont anonymes : aucun compte n’est demandé, ni votre nom ni votre adresse IP ne sont enregistrés avec elles. Les questions marquées d’un astérisque (*) sont obligatoires.</p>
${resumeErreurs(erreurs, general)}
<form method="post" action="/public/consultations/${echapper(c.id)}" novalidate>
${sections}
${code}${piege}
<button class="fr-btn" type="submit"${c.apercu ? ' disabled' : ''}>Envoyer ma réponse</button>
</form>
</div></div>
</main>`;
}

export function pageMessage(titre: string, texte: string, lien: { href: string; libelle: string } | null = null) {
  return `<main id="contenu" class="fr-container fr-my-6w" tabindex="-1"><div class="fr-grid-row"><div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
<h1>${echapper(titre)}</h1><p>${echapper(texte)}</p>${lien ? `<p><a class="fr-link" href="${echapper(lien.href)}">${echapper(lien.libelle)}</a></p>` : ''}
</div></div></main>`;
}

/** Header and footer of the public pages, without the « République française » block: the server does not know the build's identity. */
export function habiller(contenu: string) {
  return `<div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Aller au contenu</a></li></ul></nav></div>
<header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row"><div class="fr-header__brand"><div class="fr-header__service"><a href="/public/contrats" title="Accueil — Maillage"><p class="fr-header__service-title">Maillage</p></a><p class="fr-header__service-tagline">contrats locaux de santé</p></div></div></div></div></div></header>
${contenu}
<footer class="fr-footer" role="contentinfo" id="pied"><div class="fr-container"><div class="fr-footer__body"><div class="fr-footer__content"><p class="fr-footer__content-desc">Consultation des habitants d’un contrat local de santé, avec Maillage.</p></div></div><div class="fr-footer__bottom"><ul class="fr-footer__bottom-list"><li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/public/contrats">Contrats publiés</a></li><li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/accessibilite">Accessibilité : partiellement conforme</a></li></ul></div></div></footer>`;
}
