import { describe, expect, it } from 'vitest';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../domain/case';
import { CASE_TYPES } from '../domain/caseType';
import { TeamSchema, UserSchema } from '../domain/user';
import { generateDemoBatches, generateDemoData } from './generateDemoData';

const NOW = '2026-11-25T12:00:00.000Z';

describe('generateDemoData', () => {
  const data = generateDemoData({ seed: 7, cases: 600, now: NOW });

  it('produces entities valid against the domain schemas', () => {
    for (const team of data.teams) TeamSchema.parse(team);
    for (const user of data.users) UserSchema.parse(user);
    for (const c of data.cases) CaseSchema.parse(c);
    for (const m of data.messages) MessageSchema.parse(m);
    for (const n of data.notes) NoteSchema.parse(n);
    for (const e of data.events) CaseEventSchema.parse(e);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const again = generateDemoData({ seed: 7, cases: 600, now: NOW });
    expect(again).toEqual(data);
    const other = generateDemoData({ seed: 8, cases: 600, now: NOW });
    expect(other.cases[0]?.id).not.toBe(data.cases[0]?.id);
  });

  it('streams the same cases in batches of any size', () => {
    const streamed = [...generateDemoBatches({ seed: 7, cases: 600, now: NOW }, 37)];
    expect(streamed.length).toBe(Math.ceil(600 / 37));
    expect(streamed.flatMap((b) => b.cases)).toEqual(data.cases);
    expect(streamed.flatMap((b) => b.messages)).toEqual(data.messages);
  });

  it('covers every case type, at least 12 markets and the roles', () => {
    expect(new Set(data.cases.map((c) => c.type))).toEqual(new Set(CASE_TYPES));
    expect(new Set(data.cases.map((c) => c.customer.market)).size).toBeGreaterThanOrEqual(12);
    const roles = new Set(data.users.map((u) => u.role));
    for (const role of ['agent', 'supervisor', 'trainer', 'admin'] as const) expect(roles.has(role)).toBe(true);
    for (const team of data.teams)
      expect(data.users.filter((u) => u.role === 'agent' && u.teamIds.includes(team.id)).length).toBeGreaterThanOrEqual(
        2,
      );
    expect(new Set(data.users.map((u) => u.id)).size).toBe(data.users.length);
    expect(new Set(data.cases.map((c) => c.id)).size).toBe(data.cases.length);
    const all = [...data.messages, ...data.notes, ...data.events, ...data.cases.map((c) => c.customer)].map(
      (x) => x.id,
    );
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps dates coherent: purchase < shipping < delivery < case < messages <= now', () => {
    const now = Date.parse(NOW);
    const byCase = new Map(data.cases.map((c) => [c.id, c]));
    for (const c of data.cases) {
      const created = Date.parse(c.createdAt);
      const o = c.order;
      if (o) {
        const purchased = Date.parse(o.purchasedAt);
        const shipped = o.shippedAt ? Date.parse(o.shippedAt) : null;
        const delivered = o.deliveredAt ? Date.parse(o.deliveredAt) : null;
        if (shipped !== null) expect(purchased).toBeLessThan(shipped);
        if (shipped !== null && delivered !== null) expect(shipped).toBeLessThan(delivered);
        expect(delivered ?? shipped ?? purchased).toBeLessThan(created);
        expect(o.total.amountMinor).toBe(o.items.reduce((s, i) => s + i.unitPrice.amountMinor * i.quantity, 0));
        for (const item of o.items) expect(item.unitPrice.currency).toBe(o.total.currency);
      } else {
        expect(c.type).toBe('privacy_request');
      }
      expect(Date.parse(c.updatedAt)).toBeLessThanOrEqual(now);
    }
    for (const m of data.messages) {
      const c = byCase.get(m.caseId);
      expect(c).toBeDefined();
      expect(Date.parse(m.createdAt)).toBeGreaterThan(Date.parse(c?.createdAt ?? ''));
      expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(now);
      expect(m.locale).toBe(c?.locale);
    }
    for (const e of data.events) expect(Date.parse(e.at)).toBeLessThanOrEqual(now);
  });

  it('takes deadlines from the SLA engine: running for new and open cases, none when paused or done', () => {
    for (const c of data.cases) {
      if (c.status === 'new') expect(c.slaDueAt, c.ref).not.toBeNull();
      if (c.status === 'pending_customer' || c.status === 'on_hold' || c.status === 'closed')
        expect(c.slaDueAt, c.ref).toBeNull();
      if (c.slaDueAt !== null) expect(Date.parse(c.slaDueAt)).toBeGreaterThan(Date.parse(c.createdAt));
    }
    expect(data.cases.some((c) => c.slaDueAt !== null && Date.parse(c.slaDueAt) > Date.parse(NOW))).toBe(true);
  });

  it('gives exactly messagesPerCase messages per case when asked', () => {
    const fixed = generateDemoData({ seed: 3, cases: 50, messagesPerCase: 10, now: NOW });
    expect(fixed.messages.length).toBe(500);
  });

  it('writes money in the market currency with its minor units', () => {
    const jp = data.cases.find((c) => c.customer.market === 'JP' && c.order);
    expect(jp?.order?.total.currency).toBe('JPY');
    const de = data.cases.find((c) => c.customer.market === 'DE' && c.order);
    expect(de?.order?.total.currency).toBe('EUR');
  });

  it('refuses bad options clearly', () => {
    expect(() => generateDemoData({ seed: 1, cases: -1, now: NOW })).toThrow(/cases/);
    expect(() => generateDemoData({ seed: 1, cases: 1, now: 'yesterday' })).toThrow(/now/);
  });
});
