/**
 * The socket under the live and voice clients: the platform's `WebSocket` where there is one (browsers, Node 22+),
 * else this package's own RFC 6455 client over node:net / node:tls (Node 20).
 */

export interface TransportHandlers {
  onOpen(): void;
  onText(text: string): void;
  onBinary?(data: Uint8Array): void;
  onClose(code: number, reason: string): void;
  onError(error: Error): void;
}

export interface Transport {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

/** Which implementation to use: `auto` (the global one when present), `global` or `node`. */
export type TransportKind = 'auto' | 'global' | 'node';

interface GlobalWebSocket {
  new (url: string): {
    onopen: (() => void) | null;
    onmessage: ((event: { data: unknown }) => void) | null;
    onclose: ((event: { code: number; reason: string }) => void) | null;
    onerror: ((event: unknown) => void) | null;
    binaryType: string;
    send(data: string): void;
    close(code?: number, reason?: string): void;
  };
}

export async function openTransport(
  url: string,
  handlers: TransportHandlers,
  kind: TransportKind = 'auto',
  headers: Record<string, string> = {},
): Promise<Transport> {
  const Global = (globalThis as { WebSocket?: GlobalWebSocket }).WebSocket;
  if (kind === 'global' || (kind === 'auto' && typeof Global === 'function')) {
    if (typeof Global !== 'function') {
      throw new Error('No global WebSocket here');
    }
    return wrapGlobal(new Global(url), handlers);
  }
  // Imported only where it is needed, so browser bundles never see node: modules.
  const { connectNodeWebSocket } = await import('./node-websocket.js');
  return connectNodeWebSocket(url, handlers, headers);
}

function wrapGlobal(socket: InstanceType<GlobalWebSocket>, handlers: TransportHandlers): Transport {
  let failed = false;
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') {
      handlers.onText(event.data);
    } else if (event.data instanceof ArrayBuffer) {
      handlers.onBinary?.(new Uint8Array(event.data));
    }
  };
  socket.onerror = () => {
    failed = true;
    handlers.onError(new Error('WebSocket error'));
  };
  socket.onclose = (event) => handlers.onClose(failed && event.code === 1000 ? 1006 : event.code, event.reason);
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
  };
}
