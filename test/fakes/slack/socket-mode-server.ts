/*
 * Slack's Socket Mode end: apps.connections.open hands out a one-use ws:// URL, the fake greets each
 * connection with `hello`, sends envelopes and waits for the client's ack `{envelope_id, payload}`.
 * Pings are answered by ws itself. Closing waits for each client's close handshake: killing the socket
 * under @slack/socket-mode 3.1 leaves a 30 s timer running and the test run hangs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { isRecord } from './json-values';

const CLOSE_WAIT_MS = 2_000;

export class SocketModeServer {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly clients = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (payload: unknown) => void>();

  constructor(
    private readonly appId: string,
    private readonly ackTimeoutMs: number,
  ) {}

  get connections(): number {
    return [...this.clients].filter((client) => client.readyState === client.OPEN).length;
  }

  /** A fresh URL for apps.connections.open; each one is good for one connection. */
  issueUrl(host: string): string {
    const ticket = randomBytes(16).toString('hex');
    this.tickets.add(ticket);
    return `ws://${host}/socket?ticket=${ticket}&app_id=${this.appId}`;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ticket = new URL(request.url ?? '/', 'http://fake').searchParams.get('ticket') ?? '';
    if (!this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (client) => this.accept(client));
  }

  private accept(client: WebSocket): void {
    this.clients.add(client);
    client.on('message', (data: RawData) => this.onAck(data));
    client.on('close', () => this.clients.delete(client));
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.clients.size,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
  }

  private onAck(data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') return;
    const resolve = this.pendingAcks.get(message.envelope_id);
    this.pendingAcks.delete(message.envelope_id);
    resolve?.(message.payload ?? {});
  }

  /** Sends an envelope to the newest connection and resolves with the ack payload. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown): Promise<unknown> {
    const client = [...this.clients].reverse().find((candidate) => candidate.readyState === candidate.OPEN);
    if (!client) return Promise.reject(new Error('fake Slack: no Socket Mode connection to send to'));
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`fake Slack: no ack for ${type} envelope within ${this.ackTimeoutMs} ms`));
      }, this.ackTimeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      client.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    });
  }

  /** Lets each client finish its close handshake (closing it first if the app is still running), then stops. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.readyState === client.CLOSED) return resolve();
            const timer = setTimeout(() => {
              client.terminate();
              resolve();
            }, CLOSE_WAIT_MS);
            client.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            if (client.readyState === client.OPEN) client.close(1001, 'fake Slack closing');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
