import { FOURNISSEURS_OIDC, type FournisseurOidc } from '@maillage/domain';

/** One OpenID Connect provider, configured by MAILLAGE_OIDC_<FOURNISSEUR>_* (docs/operations.md, decision 0036). */
export interface FournisseurOidcConfig {
  /** The issuer; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** acr_values asked at the authorization (Pro Santé Connect asks for eidas1), or none. */
  acrValues: string | null;
  /** Algorithm of a signed userinfo answer (ProConnect signs it: RS256), or null for plain JSON. */
  userinfoAlg: string | null;
}

export type ConfigOidc = Partial<Record<FournisseurOidc, FournisseurOidcConfig>>;

const SCOPES_PAR_DEFAUT = 'openid email';

/**
 * A provider is on when its issuer, client id and secret are all given; some of them only is a configuration
 * error, said at start-up rather than at the first login.
 */
export function lireConfigOidc(env: NodeJS.ProcessEnv): ConfigOidc {
  const config: ConfigOidc = {};
  for (const f of FOURNISSEURS_OIDC) {
    const nom = (cle: string) => `MAILLAGE_OIDC_${f.toUpperCase()}_${cle}`;
    const lire = (cle: string) => (env[nom(cle)] ?? '').trim();
    const [issuer, clientId, clientSecret] = [lire('ISSUER'), lire('CLIENT_ID'), lire('CLIENT_SECRET')];
    if (!issuer && !clientId && !clientSecret) continue;
    const manquants = [
      ['ISSUER', issuer],
      ['CLIENT_ID', clientId],
      ['CLIENT_SECRET', clientSecret],
    ]
      .filter(([, v]) => !v)
      .map(([c]) => nom(c!));
    if (manquants.length)
      throw new Error(`Connexion ${f} : il manque ${manquants.join(', ')} (ou retirez les autres variables ${nom('*')}).`);
    let url: URL;
    try {
      url = new URL(issuer);
    } catch {
      throw new Error(`${nom('ISSUER')} : « ${issuer} » n’est pas une adresse (https://…).`);
    }
    if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
      throw new Error(`${nom('ISSUER')} : « ${issuer} » doit être en https (http n’est admis que sur localhost).`);
    const scopes = lire('SCOPES') || SCOPES_PAR_DEFAUT;
    if (!scopes.split(/\s+/).includes('openid')) throw new Error(`${nom('SCOPES')} : « ${scopes} » doit contenir openid.`);
    config[f] = {
      issuer,
      clientId,
      clientSecret,
      scopes,
      acrValues: lire('ACR_VALUES') || null,
      userinfoAlg: lire('USERINFO_ALG') || null,
    };
  }
  return config;
}
