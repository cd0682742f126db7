/** Luhn checksum, as used by SIREN, SIRET and FINESS. */
export function luhnValide(chiffres: string): boolean {
  let somme = 0;
  for (let i = 0; i < chiffres.length; i++) {
    let n = Number(chiffres[chiffres.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    somme += n;
  }
  return somme % 10 === 0;
}

const SIREN_LA_POSTE = '356000000';

export function sirenValide(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValide(siren);
}

/** La Poste's establishments break Luhn: their SIRET digits sum to a multiple of 5 instead. */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnValide(siret)) return true;
  const somme = [...siret].reduce((total, c) => total + Number(c), 0);
  return siret.startsWith(SIREN_LA_POSTE) && somme % 5 === 0;
}

/** FINESS: 9 characters, département first (2A/2B for Corsica, counted as 20 in the key), Luhn key last. */
export function finessValide(finess: string): boolean {
  if (!/^(\d{2}|2[AB])\d{7}$/.test(finess)) return false;
  return luhnValide(finess.replace(/^2[AB]/, '20'));
}

/** Removes the spaces people type in identifiers ("123 456 789 00012"). */
export function compacterIdentifiant(valeur: string): string {
  return valeur.replace(/[\s.\u00a0]/g, '').toUpperCase();
}
