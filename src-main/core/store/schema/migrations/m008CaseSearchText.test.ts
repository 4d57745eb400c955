import { describe, expect, it } from 'vitest';
import { tempStore } from '../../testStore';
import { MIGRATIONS } from './index';

describe('migration 008 (case search text)', () => {
  it("rebuilds the search entries of a store indexed before it, so a customer's e-mail is found", () => {
    const version = MIGRATIONS.findIndex((migration) => migration.name === '008_case_search_text');
    expect(version).toBeGreaterThan(0);
    const t = tempStore(120, { migrations: MIGRATIONS.slice(0, version) });
    try {
      // The entries as the release before 008 wrote them: subject, customer name and order id only.
      t.sql.exec(`INSERT INTO case_fts (case_fts) VALUES ('delete-all');
        INSERT INTO case_fts (rowid, subject, customer, order_id)
        SELECT rid, subject, customer_name, coalesce(order_id, '') FROM cases;`);
      const withEmail = t.data.cases.find((c) => c.customer.contacts.some((contact) => contact.address.includes('@')));
      const email = withEmail?.customer.contacts.find((contact) => contact.address.includes('@'))?.address ?? '?';
      expect(t.store.search(email, 10)).toEqual([]);

      const upgraded = t.reopen({ migrations: MIGRATIONS });
      expect(upgraded.search(email, 10).map((hit) => hit.row.id)).toEqual([withEmail?.id]);
      const subject = withEmail?.subject ?? '?';
      expect(upgraded.search(subject, 200).map((hit) => hit.row.id)).toContain(withEmail?.id);
    } finally {
      t.dispose();
    }
  });
});
