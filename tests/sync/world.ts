import type { Case } from '../../src-shared/domain/case';
import { DesktopClient } from './desktopClient';
import type { DesktopClientOptions } from './desktopClient';
import { FaultProxy } from './faultProxy';
import { checkInvariants, principalOf, hashLines, scopeLines } from './invariants';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import { TestServer, WORLD_START } from './testServer';
import { VirtualTime } from './virtualTime';

export interface WorldOptions {
  tokenTtlMs?: number;
  replyGraceMs?: number;
}

/**
 * One fault scenario's world: the real server on a PGlite copy, the fault proxy in front of it, desktop
 * clients behind it, a supervisor console talking to the server directly, and virtual time for all.
 */
export class World {
  readonly clients: DesktopClient[] = [];
  private readonly initialCases = new Map<string, Pick<Case, 'tags' | 'status'>>();
  private readonly userIds = new Map<string, string>();

  private constructor(
    readonly time: VirtualTime,
    readonly server: TestServer,
    readonly proxy: FaultProxy,
  ) {}

  static async create(options: WorldOptions = {}): Promise<World> {
    const time = new VirtualTime(WORLD_START);
    const server = await TestServer.create({ time, ...options });
    const holder: { world?: World } = {};
    const proxy = new FaultProxy({ upstream: server.url, onKill: async () => holder.world?.killServer() });
    await proxy.start();
    const world = new World(time, server, proxy);
    holder.world = world;
    const cases = await server.database.query<{ data: Case }>('SELECT data FROM cases');
    for (const row of cases) world.initialCases.set(row.data.id, { tags: row.data.tags, status: row.data.status });
    return world;
  }

  async userId(username: string): Promise<string> {
    let id = this.userIds.get(username);
    if (!id) {
      id = await this.server.userId(username);
      this.userIds.set(username, id);
    }
    return id;
  }

  /** A desktop app of `username`, signed in and bootstrapped through the proxy. */
  async client(name: string, username: string, options: Partial<DesktopClientOptions> = {}): Promise<DesktopClient> {
    const client = new DesktopClient({ name, username, serverUrl: this.proxy.url, time: this.time, ...options });
    this.clients.push(client);
    await this.userId(username);
    await client.signIn();
    return client;
  }

  supervisor(): Promise<ProtocolClient> {
    return this.server.login('wang.lei');
  }

  /** The server process dies: the proxy finds nothing behind it until restartServer. */
  async killServer(): Promise<void> {
    this.proxy.setDown(true);
    await this.server.kill();
  }

  async restartServer(): Promise<void> {
    const url = await this.server.start();
    this.proxy.setUpstream(url);
    this.proxy.setDown(false);
  }

  /**
   * Waits until every client's engine is idle, or until a request of theirs is evidently stuck (held by
   * the proxy): then only advancing virtual time (its timeout) can move it, so waiting longer is useless.
   */
  async idle(stuckAfterMs = 250): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, stuckAfterMs);
    });
    await Promise.race([Promise.all(this.clients.map((client) => client.engine.whenIdle())), stuck]);
    clearTimeout(timer);
  }

  /**
   * Lets virtual time pass in steps, waiting for the clients' cycles between steps, so timer-driven
   * retries and polls run as they would over that much real time.
   */
  async runFor(ms: number, stepMs = 60_000): Promise<void> {
    for (let passed = 0; passed < ms; passed += stepMs) {
      await this.idle();
      this.time.advance(Math.min(stepMs, ms - passed));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await this.idle();
    for (const client of this.clients) client.sample();
  }

  /** True when no client has pending work and every client's data equals the server's view of its scope. */
  private async isQuiet(): Promise<boolean> {
    if (!this.server.isRunning) return false;
    for (const client of this.clients) {
      if (client.store.pendingCount() > 0 || client.engine.status().connection === 'signed_out') return false;
      const user = client.engine.user();
      if (!user) return false;
      const server = hashLines(
        await scopeLines(this.server.database, await principalOf(this.server.database, user.id)),
      );
      if (client.store.verifyHash().hash !== server.hash) return false;
    }
    return true;
  }

  /**
   * Quiet, and nothing left to deliver: a reply pushed after this round's delivery run would otherwise be
   * delivered by check(), changing the server's copy after the clients last pulled it.
   */
  private async isSettled(): Promise<boolean> {
    return (await this.isQuiet()) && (await this.server.deliverAll()) === 0;
  }

  /**
   * Lets the system quiet down: waits for running cycles, gives pokes a moment, delivers the outbound
   * queue, and fires the next virtual timer (a retry, a poll) when something is still unsettled.
   * Returns false when it did not settle within maxRounds (the invariant check then says why).
   */
  async settle(maxRounds = 120): Promise<boolean> {
    for (let round = 0; round < maxRounds; round++) {
      await this.idle();
      for (const client of this.clients) client.sample();
      await this.server.deliverAll();
      if (await this.isSettled()) return true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await this.idle();
      if (await this.isSettled()) return true;
      this.time.fireNext();
    }
    return false;
  }

  /** The six invariants of SYNC.md over every client of this world; [] when they all hold. */
  async check(): Promise<string[]> {
    for (const client of this.clients) client.sample();
    await this.server.deliverAll();
    const probes = await Promise.all(
      this.clients.map(async (client) => client.probe(await this.userId(client.username))),
    );
    return checkInvariants({
      db: this.server.database,
      clients: probes,
      deliveries: this.server.deliveries,
      exchanges: this.proxy.exchanges(),
      initialCases: this.initialCases,
      isOutboundDrained: true,
      serverVerify: async (userId) => {
        const username = [...this.userIds].find(([, id]) => id === userId)?.[0];
        if (!username) throw new Error(`unknown user ${userId}`);
        return (await this.server.login(username)).verify();
      },
    });
  }

  /** Settles, then checks; the usual last step of a scenario. */
  async settleAndCheck(): Promise<string[]> {
    const settled = await this.settle();
    const violations = await this.check();
    return settled ? violations : ['the system did not quiet down', ...violations];
  }

  async destroy(): Promise<void> {
    this.proxy.discardHeld();
    for (const client of this.clients) client.dispose();
    await this.proxy.stop();
    await this.server.destroy();
  }
}
