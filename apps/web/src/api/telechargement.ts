import { ErreurApi, type Probleme } from './client';

/** "attachment; filename="contrat.pdf"" → contrat.pdf */
function nomFichier(disposition: string | null, parDefaut: string): string {
  const etoile = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (etoile) return decodeURIComponent(etoile[1]);
  const simple = disposition?.match(/filename="?([^";]+)"?/i);
  return simple ? simple[1] : parDefaut;
}

/**
 * Fetches a generated file (document, export) and hands it to the browser as a download. A refusal comes back as
 * an ErreurApi with the server's French explanation instead of a raw error page.
 */
export async function telecharger(chemin: string): Promise<string> {
  let reponse: Response;
  try {
    reponse = await fetch(chemin, { credentials: 'same-origin' });
  } catch {
    throw new ErreurApi(0, {
      title: 'Serveur injoignable',
      status: 0,
      detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    });
  }
  if (!reponse.ok) {
    const probleme = (await reponse.json().catch(() => null)) as Probleme | null;
    throw new ErreurApi(
      reponse.status,
      probleme?.detail
        ? probleme
        : { title: 'Erreur', status: reponse.status, detail: `Le fichier n’a pas pu être produit (erreur ${reponse.status}).` },
    );
  }
  const nom = nomFichier(reponse.headers.get('content-disposition'), chemin.split('/').pop()?.split('?')[0] ?? 'fichier');
  const url = URL.createObjectURL(await reponse.blob());
  const lien = document.createElement('a');
  lien.href = url;
  lien.download = nom;
  document.body.append(lien);
  lien.click();
  lien.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return nom;
}
