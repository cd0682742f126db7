import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DemarrageRefuse, demarrerPostgresEmbarque } from './embedded-postgres';

describe('PostgreSQL embarqué', () => {
  it('démarre, refuse un second démarrage sur le même dossier, puis redémarre après un arrêt propre', async () => {
    const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-pg-'));
    await fs.chmod(dossier, 0o755);
    const premier = await demarrerPostgresEmbarque(dossier);
    try {
      const client = new pg.Client({ connectionString: premier.url });
      await client.connect();
      await client.query('create table temoin (x int); insert into temoin values (42)');
      await client.end();
      await expect(demarrerPostgresEmbarque(dossier)).rejects.toBeInstanceOf(DemarrageRefuse);
    } finally {
      await premier.arreter();
    }
    // A lock left by a process that no longer exists does not block a restart; the data survives.
    await fs.writeFile(path.join(dossier, 'maillage.pid'), '999999');
    const second = await demarrerPostgresEmbarque(dossier);
    try {
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      expect((await client.query('select x from temoin')).rows).toEqual([{ x: 42 }]);
      await client.end();
    } finally {
      await second.arreter();
      await fs.rm(dossier, { recursive: true, force: true });
    }
  }, 60000);
});
