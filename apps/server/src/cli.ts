import { lireConfig } from './config';
import { assurerAdministrateur } from './modules/comptes/utilisateurs.service';
import { demarrerPlateforme } from './platform/demarrage';
import { urlPostgresEnMarche } from './platform/embedded-postgres';
import { motDePasseSchema } from '@maillage/domain';

/** npm run admin:create -- <email> <mot de passe>: creates a platform admin if absent, then stops. */
async function main() {
  const [commande, email, motDePasse] = process.argv.slice(2);
  if (commande !== 'create-admin' || !email || !motDePasse) {
    console.error('Usage : npm run admin:create -- <email> <mot de passe>');
    process.exit(2);
  }
  const verifie = motDePasseSchema.safeParse(motDePasse);
  if (!verifie.success) {
    console.error(`Mot de passe refusé : ${verifie.error.issues[0].message}`);
    process.exit(2);
  }
  const config = lireConfig();
  // With Maillage running on the embedded database, use that server rather than refusing to start a second one.
  const enMarche = config.databaseUrl ? null : await urlPostgresEnMarche(config.dataDir);
  const plateforme = await demarrerPlateforme({ ...config, databaseUrl: enMarche ?? config.databaseUrl }, (m) => console.log(`[maillage] ${m}`));
  try {
    const resultat = await assurerAdministrateur(plateforme.ctx, email, motDePasse);
    console.log(resultat === 'cree' ? `Administrateur ${email} créé.` : `Un compte ${email} existe déjà : rien n’a été changé.`);
  } finally {
    await plateforme.arreter();
  }
}

main().catch((e) => {
  console.error(`[maillage] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
