// `npm run audit -- verify`: checks the audit log's hash chain (src-server/audit) and names the first broken
// link. The database as for `npm run server`: DATABASE_URL (PostgreSQL), else DATA_DIR (PGlite, default
// .data/server; PGlite opens a data directory from one process at a time, so stop that server first).
import { runAuditCommand } from './audit/auditCommand';
import { openDatabase } from './startServer';

const env = process.env;
const db = await openDatabase(
  env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? '.data/server' },
);
try {
  process.exitCode = await runAuditCommand(db, process.argv.slice(2), (line) => console.log(line));
} finally {
  await db.close();
}
