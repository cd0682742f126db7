import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface Courriel {
  a: string;
  sujet: string;
  texte: string;
  html?: string;
  piecesJointes?: { nom: string; contenu: string | Buffer; type: string }[];
}

export interface Messagerie {
  envoyer(courriel: Courriel): Promise<void>;
  description: string;
}

/** SMTP when SMTP_URL is set; otherwise each mail is written as an .eml file in the outbox folder and logged. */
export function creerMessagerie(options: {
  smtpUrl: string | null;
  expediteur: string;
  dossierSortie: string;
  journal: (message: string) => void;
}): Messagerie {
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: options.smtpUrl ? `SMTP (${new URL(options.smtpUrl).host})` : `dossier ${options.dossierSortie}`,
    async envoyer(courriel) {
      const info = await transport.sendMail({
        from: options.expediteur,
        to: courriel.a,
        subject: courriel.sujet,
        text: courriel.texte,
        html: courriel.html,
        attachments: courriel.piecesJointes?.map((p) => ({ filename: p.nom, content: p.contenu, contentType: p.type })),
      });
      if (options.smtpUrl) return;
      await fs.mkdir(options.dossierSortie, { recursive: true });
      const fichier = path.join(options.dossierSortie, `${new Date().toISOString().replace(/[:.]/g, '-')}-${courriel.a}.eml`);
      await fs.writeFile(fichier, (info as unknown as { message: Buffer }).message);
      options.journal(`Courriel « ${courriel.sujet} » pour ${courriel.a} écrit dans ${fichier}`);
    },
  };
}
