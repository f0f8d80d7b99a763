/**
 * A minimal RFC 6455 WebSocket client for Node, used when `globalThis.WebSocket` is missing (Node 20 has none by
 * default). Text and binary messages, fragmentation, ping/pong, the closing handshake, ws:// and wss://. Client
 * frames are masked as the RFC requires; no extensions (no permessage-deflate) are offered.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Transport, TransportHandlers } from './transport.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

export function connectNodeWebSocket(
  url: string,
  handlers: TransportHandlers,
  headers: Record<string, string> = {},
): Transport {
  return new NodeWebSocket(url, handlers, headers);
}

class NodeWebSocket implements Transport {
  private readonly socket: net.Socket;
  private readonly key = randomBytes(16).toString('base64');
  private buffer: Buffer = Buffer.alloc(0);
  private upgraded = false;
  private closeSent = false;
  private closed = false;
  private fragments: Buffer[] = [];
  private fragmentOpcode = 0;
  private fragmentBytes = 0;
  private closeTimer: NodeJS.Timeout | undefined;

  constructor(
    url: string,
    private readonly handlers: TransportHandlers,
    headers: Record<string, string>,
  ) {
    const target = new URL(url);
    const secure = target.protocol === 'wss:' || target.protocol === 'https:';
    const port = Number(target.port || (secure ? 443 : 80));
    const host = target.hostname.replace(/^\[|\]$/g, '');
    this.socket = secure
      ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'] })
      : net.connect({ host, port });
    this.socket.setNoDelay(true);
    const path = (target.pathname || '/') + target.search;
    const hostHeader = target.port ? `${target.hostname}:${target.port}` : target.hostname;
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: ${hostHeader}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${this.key}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      '',
    ];
    this.socket.once(secure ? 'secureConnect' : 'connect', () => this.socket.write(lines.join('\r\n')));
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.finish(1006, 'connection lost'));
  }

  send(text: string): void {
    if (!this.upgraded || this.closeSent || this.closed) {
      throw new Error('The socket is not open');
    }
    this.writeFrame(OP_TEXT, Buffer.from(text, 'utf8'));
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) {
      return;
    }
    if (!this.upgraded) {
      this.socket.destroy();
      this.finish(code, reason);
      return;
    }
    if (!this.closeSent) {
      const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
      payload.writeUInt16BE(code, 0);
      payload.write(reason, 2, 'utf8');
      this.writeFrame(OP_CLOSE, payload);
      this.closeSent = true;
      // The server answers with its close frame and ends the connection; do not wait for ever.
      this.closeTimer = setTimeout(() => this.socket.destroy(), 5000);
      this.closeTimer.unref?.();
    }
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (!this.upgraded) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buffer.length > 16_384) {
          this.fail(new Error('The upgrade response is too large'));
        }
        return;
      }
      const head = this.buffer.subarray(0, end).toString('latin1');
      this.buffer = this.buffer.subarray(end + 4);
      if (!this.acceptUpgrade(head)) {
        return;
      }
      this.upgraded = true;
      this.handlers.onOpen();
    }
    this.readFrames();
  }

  private acceptUpgrade(head: string): boolean {
    const [status, ...headerLines] = head.split('\r\n');
    const code = Number(status.split(' ')[1]);
    const headers = new Map<string, string>();
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) {
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
    }
    if (code !== 101) {
      this.fail(new Error(`The server refused the WebSocket upgrade: ${status}`), code);
      return false;
    }
    const expected = createHash('sha1').update(this.key + GUID).digest('base64');
    if (headers.get('sec-websocket-accept') !== expected) {
      this.fail(new Error('The server answered the upgrade with a wrong Sec-WebSocket-Accept'));
      return false;
    }
    return true;
  }

  private readFrames(): void {
    while (!this.closed) {
      if (this.buffer.length < 2) {
        return;
      }
      const first = this.buffer[0];
      const second = this.buffer[1];
      const fin = (first & 0x80) !== 0;
      const opcode = first & 0x0f;
      const masked = (second & 0x80) !== 0;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        const big = this.buffer.readBigUInt64BE(2);
        if (big > BigInt(MAX_MESSAGE_BYTES)) {
          this.protocolError(1009, 'message too big');
          return;
        }
        length = Number(big);
        offset = 10;
      }
      const maskOffset = offset;
      if (masked) offset += 4;
      if (this.buffer.length < offset + length) {
        return;
      }
      let payload = this.buffer.subarray(offset, offset + length);
      if (masked) {
        // Servers must not mask; accept it anyway rather than lose the message.
        const mask = this.buffer.subarray(maskOffset, maskOffset + 4);
        payload = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
      }
      this.buffer = this.buffer.subarray(offset + length);
      this.frame(fin, opcode, payload);
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OP_PING:
        if (!this.closeSent) this.writeFrame(OP_PONG, payload);
        return;
      case OP_PONG:
        return;
      case OP_CLOSE: {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        const reason = payload.length > 2 ? payload.subarray(2).toString('utf8') : '';
        if (!this.closeSent) {
          this.writeFrame(OP_CLOSE, payload.subarray(0, 2));
          this.closeSent = true;
        }
        this.socket.end();
        this.finish(code, reason);
        return;
      }
      case OP_TEXT:
      case OP_BINARY:
        this.fragments = [payload];
        this.fragmentOpcode = opcode;
        this.fragmentBytes = payload.length;
        break;
      case OP_CONTINUATION:
        if (this.fragments.length === 0) {
          this.protocolError(1002, 'continuation without a first frame');
          return;
        }
        this.fragments.push(payload);
        this.fragmentBytes += payload.length;
        break;
      default:
        this.protocolError(1002, `unknown opcode ${opcode}`);
        return;
    }
    if (this.fragmentBytes > MAX_MESSAGE_BYTES) {
      this.protocolError(1009, 'message too big');
      return;
    }
    if (fin) {
      const message = Buffer.concat(this.fragments);
      this.fragments = [];
      if (this.fragmentOpcode === OP_TEXT) {
        this.handlers.onText(message.toString('utf8'));
      } else {
        this.handlers.onBinary?.(new Uint8Array(message));
      }
    }
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    const mask = randomBytes(4);
    const length = payload.length;
    let header: Buffer;
    if (length < 126) {
      header = Buffer.alloc(2);
      header[1] = 0x80 | length;
    } else if (length < 65_536) {
      header = Buffer.alloc(4);
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    } else {
      header = Buffer.alloc(10);
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    header[0] = 0x80 | opcode;
    const masked = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) {
      masked[i] = payload[i] ^ mask[i & 3];
    }
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  private protocolError(code: number, reason: string): void {
    this.close(code, reason);
    this.socket.destroy();
    this.finish(code, reason);
  }

  private fail(error: Error, status?: number): void {
    if (this.closed) return;
    this.handlers.onError(Object.assign(error, { status }));
    this.socket.destroy();
    this.finish(1006, error.message);
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.handlers.onClose(code, reason);
  }
}
