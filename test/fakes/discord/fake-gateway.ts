/** The gateway WebSocket: HELLO, IDENTIFY (token and privileged intents checked), READY, GUILD_CREATE, heartbeats, RESUME, dispatches. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayIntentBits } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { guildCreatePayload, userPayload } from './fake-payloads.js';
import type { FakeWorld } from './fake-state.js';

const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const HEARTBEAT_INTERVAL = 41_250;

const frameSchema = z.object({ op: z.number().int(), d: z.unknown().optional() });
const identifySchema = z.object({ token: z.string(), intents: z.number().int() });
const resumeSchema = z.object({ token: z.string(), session_id: z.string(), seq: z.number().int().nullable() });

interface Session {
  id: string;
  socket: WebSocket | undefined;
  seq: number;
  intents: number;
}

export interface GatewayOptions {
  world: FakeWorld;
  token: string;
  privilegedIntents: boolean;
  url: () => string;
}

export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: GatewayOptions) {}

  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on('close', () => this.sockets.delete(ws));
        // zlib-stream is what discord.js asks for once zlib-sync is installed: this fake speaks plain JSON only.
        if (query.get('encoding') !== 'json' || query.has('compress')) {
          ws.close(4002, `Fake Discord speaks encoding=json without compress, got ${query.toString()}`);
          return;
        }
        this.send(ws, { op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL } });
        ws.on('message', (data) => this.onFrame(ws, data.toString()));
      });
    });
  }

  /** Open gateway sockets, identified or not: 0 once every client disconnected. */
  openSockets(): number {
    return this.sockets.size;
  }

  /** How many identified connections would receive a dispatch now. */
  connectedSessions(): number {
    return [...this.sessions.values()].filter((session) => session.socket?.readyState === 1).length;
  }

  /** `intent`: the dispatch reaches only sessions that asked for it (INTERACTION_CREATE needs none). */
  dispatch(t: string, d: unknown, intent?: number): void {
    for (const session of this.sessions.values()) {
      if (session.socket?.readyState !== 1) continue;
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      session.seq += 1;
      this.send(session.socket, { op: 0, t, s: session.seq, d });
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => ws.terminate(), 1000);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(1000, 'Fake Discord is closing');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onFrame(ws: WebSocket, text: string): void {
    let frame: z.infer<typeof frameSchema>;
    try {
      frame = frameSchema.parse(JSON.parse(text));
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (frame.op) {
      case 1:
        this.send(ws, { op: 11 });
        return;
      case 2:
        this.identify(ws, frame.d);
        return;
      case 6:
        this.resume(ws, frame.d);
        return;
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members: needs the GuildMembers intent, which this bot does not ask for
        return;
      default:
        ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(ws: WebSocket, d: unknown): void {
    const identify = identifySchema.safeParse(d);
    if (!identify.success) {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    if (identify.data.token !== this.options.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    if (!this.options.privilegedIntents && (identify.data.intents & PRIVILEGED_INTENTS) !== 0) {
      ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    const { world } = this.options;
    const session: Session = { id: randomBytes(16).toString('hex'), socket: ws, seq: 0, intents: identify.data.intents };
    this.sessions.set(session.id, session);
    ws.on('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    const next = () => {
      session.seq += 1;
      return session.seq;
    };
    this.send(ws, {
      op: 0,
      t: 'READY',
      s: next(),
      d: {
        v: 10,
        user: { ...userPayload(world.botUser()), verified: true, mfa_enabled: false, flags: 0 },
        guilds: [...world.guilds.keys()].map((id) => ({ id, unavailable: true })),
        session_id: session.id,
        session_type: 'normal',
        resume_gateway_url: this.options.url(),
        shard: [0, 1],
        application: { id: world.applicationId, flags: 0 },
        private_channels: [],
        presences: [],
        relationships: [],
        guild_join_requests: [],
        user_settings: {},
        _trace: ['["fake-discord",{}]'],
      },
    });
    if ((identify.data.intents & GatewayIntentBits.Guilds) === 0) return;
    for (const guild of world.guilds.values()) {
      this.send(ws, { op: 0, t: 'GUILD_CREATE', s: next(), d: guildCreatePayload(world, guild) });
    }
  }

  private resume(ws: WebSocket, d: unknown): void {
    const resume = resumeSchema.safeParse(d);
    const session = resume.success ? this.sessions.get(resume.data.session_id) : undefined;
    if (!resume.success || !session || resume.data.token !== this.options.token) {
      this.send(ws, { op: 9, d: false });
      return;
    }
    session.socket = ws;
    ws.on('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    session.seq += 1;
    this.send(ws, { op: 0, t: 'RESUMED', s: session.seq, d: { _trace: [] } });
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === 1) ws.send(JSON.stringify(payload));
  }
}
