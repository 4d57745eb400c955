import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { mutation } from '../testing/protocolClient';
import { AuditEntrySchema, type AuditEntry } from './auditChain';
import { runAuditCommand } from './auditCommand';
import { verifyAuditChain } from './auditLog';

describe.each(DRIVERS)('audit log on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now }));

  async function entriesOf(caseId: string): Promise<{ seq: number; entry: AuditEntry }[]> {
    const rows = await suite.db.query<{ seq: string; entry: unknown }>(
      'SELECT seq, entry FROM audit_log WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    return rows.map((row) => ({ seq: Number(row.seq), entry: AuditEntrySchema.parse(row.entry) }));
  }

  async function verifyOutput(): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await runAuditCommand(suite.db, ['verify'], (line) => lines.push(line));
    return { code, lines };
  }

  it('appends every pushed mutation with the push: who, from which device, before and after, the reason, how long it waited offline', async () => {
    const {
      world,
      cases: [open],
      as,
    } = await setup();
    const supervisor = await as('supervisorA');
    const agent = await as('agentA1');
    const offlineSince = new Date(suite.clock.ms - 3 * 60 * 60_000).toISOString();
    const clientId = randomUUID();
    await agent.sendPush(clientId, [mutation(1, 'case.addTag', { caseId: open!.id, tag: 'late' }, {}, offlineSince)]);
    const now = new Date(suite.clock.ms).toISOString();
    await supervisor.sendPush(randomUUID(), [
      mutation(
        1,
        'case.assign@2',
        { caseId: open!.id, to: null, reason: 'Agent off sick' },
        { assigneeVersion: 1 },
        now,
      ),
      mutation(2, 'case.assign@2', { caseId: open!.id, to: world.users.agentB1.id }, {}, now),
    ]);
    const entries = await entriesOf(open!.id);
    expect(entries.map(({ entry }) => [entry.action, entry.mutation?.result])).toEqual([
      ['case.addTag@1', 'applied'],
      ['case.assign@2', 'applied'],
      ['case.assign@2', 'rejected'],
    ]);
    const [tagged, moved, refused] = entries.map(({ entry }) => entry);
    expect(tagged).toMatchObject({
      actor: { id: world.users.agentA1.id, role: 'agent' },
      device: { clientId },
      atClient: offlineSince,
      mutation: { offline: true, queuedForMs: 3 * 60 * 60_000 },
      after: { tags: ['late'] },
    });
    expect(moved).toMatchObject({
      actor: { role: 'supervisor' },
      reason: 'Agent off sick',
      before: { assigneeId: world.users.agentA1.id },
      after: { assigneeId: null },
      mutation: { offline: false, queuedForMs: 0 },
    });
    expect(refused).toMatchObject({ before: null, after: null, mutation: { code: 'INVALID_ARGS' } });
    expect(await verifyAuditChain(suite.db)).toMatchObject({ broken: null });
    expect(await verifyOutput()).toMatchObject({ code: 0 });
  });

  it('refuses to change or delete a row, and verify names the first link a tampered row breaks', async () => {
    const {
      cases: [open],
      as,
    } = await setup();
    const agent = await as('agentA1');
    await agent.sendPush(randomUUID(), [
      mutation(1, 'case.addTag', { caseId: open!.id, tag: 'one' }),
      mutation(2, 'case.addTag', { caseId: open!.id, tag: 'two' }),
      mutation(3, 'case.addTag', { caseId: open!.id, tag: 'three' }),
    ]);
    const [, second] = await entriesOf(open!.id);
    if (!second) throw new Error('no second entry');
    await expect(suite.db.query('DELETE FROM audit_log WHERE seq = $1', [second.seq])).rejects.toThrow(/append-only/);
    await expect(
      suite.db.query("UPDATE audit_log SET entry = jsonb_set(entry, '{reason}', '\"x\"') WHERE seq = $1", [second.seq]),
    ).rejects.toThrow(/append-only/);
    // Someone with the database's owner rights switches the guard off and edits the entry.
    await suite.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
    try {
      await suite.db.query(
        "UPDATE audit_log SET entry = jsonb_set(entry, '{after,tags}', '[\"edited\"]') WHERE seq = $1",
        [second.seq],
      );
      expect((await verifyAuditChain(suite.db)).broken).toEqual({ seq: second.seq, problem: 'entry_changed' });
      const output = await verifyOutput();
      expect(output.code).toBe(1);
      expect(output.lines.join('\n')).toContain(`seq ${second.seq}`);
      await suite.db.query('DELETE FROM audit_log WHERE seq >= $1', [second.seq]);
      // Truncating the tail leaves a chain that still links: only rows after a gap are caught.
      expect((await verifyAuditChain(suite.db)).broken).toBeNull();
    } finally {
      await suite.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change');
    }
  });

  it('exports CSV and NDJSON to supervisors of the case’s team with the customer redacted, in full to an admin, to nobody else', async () => {
    const {
      world,
      cases: [open],
      as,
    } = await setup();
    const supervisor = await as('supervisorA');
    await supervisor.sendPush(randomUUID(), [
      mutation(1, 'case.assign@2', { caseId: open!.id, to: null, reason: '=HYPERLINK("x")' }, { assigneeVersion: 1 }),
    ]);
    // The database may store the name's keys in another order: its words are what must (not) be there.
    const nameParts = Object.values(open!.customer.name).filter((part) => typeof part === 'string' && part.length > 3);
    expect(nameParts.length).toBeGreaterThan(0);
    const ndjson = await supervisor.call<unknown>('GET', `/api/v1/audit?format=ndjson&caseId=${open!.id}`);
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    // One entry is one line, which the test client reads as JSON.
    expect(AuditEntrySchema.parse(ndjson.body)).toMatchObject({
      action: 'case.assign@2',
      after: { customer: { name: '[redacted]', contacts: '[redacted]' } },
    });
    for (const part of nameParts) expect(JSON.stringify(ndjson.body)).not.toContain(part);
    const csv = await supervisor.call<string>('GET', `/api/v1/audit?format=csv&caseId=${open!.id}`);
    const [header, row] = String(csv.body).split('\r\n');
    expect(header).toMatch(/^seq,atServer,atClient,actorId/);
    // A reason a spreadsheet would run as a formula stays text.
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    const admin = await as('admin');
    const full = await admin.call<{ entries: AuditEntry[] }>('GET', `/api/v1/audit?caseId=${open!.id}`);
    for (const part of nameParts) expect(JSON.stringify(full.body)).toContain(part);
    const agent = await as('agentA1');
    expect((await agent.call('GET', `/api/v1/audit?caseId=${open!.id}`)).status).toBe(403);
    expect((await supervisor.call('GET', '/api/v1/audit?limit=0')).status).toBe(400);
    // Another team's supervisor sees none of it.
    const other = await supervisor.call<{ entries: AuditEntry[] }>(
      'GET',
      `/api/v1/audit?actorId=${world.users.agentB1.id}`,
    );
    expect(other.body.entries).toEqual([]);
  });

  function setup() {
    return suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
  }
});
