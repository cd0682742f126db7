/**
 * The clients the test provider (fournisseur-oidc.ts) knows, and the MAILLAGE_OIDC_* variables that point Maillage at
 * it: without importing oidc-provider, so that the e2e configuration can give them to its server.
 */
export const CLIENTS_DE_TEST = [
  { id: 'maillage-pc', fournisseur: 'proconnect', signe: true },
  { id: 'maillage-psc', fournisseur: 'prosanteconnect', signe: false },
] as const;

export const secretDeTest = (id: string) => `secret-${id}-0123456789abcdef0123456789abcdef`;

export function envFournisseursDeTest(issuer: string): Record<string, string> {
  return {
    MAILLAGE_OIDC_PROCONNECT_ISSUER: issuer,
    MAILLAGE_OIDC_PROCONNECT_CLIENT_ID: 'maillage-pc',
    MAILLAGE_OIDC_PROCONNECT_CLIENT_SECRET: secretDeTest('maillage-pc'),
    MAILLAGE_OIDC_PROCONNECT_USERINFO_ALG: 'RS256',
    MAILLAGE_OIDC_PROSANTECONNECT_ISSUER: issuer,
    MAILLAGE_OIDC_PROSANTECONNECT_CLIENT_ID: 'maillage-psc',
    MAILLAGE_OIDC_PROSANTECONNECT_CLIENT_SECRET: secretDeTest('maillage-psc'),
    MAILLAGE_OIDC_PROSANTECONNECT_SCOPES: 'openid email',
  };
}
