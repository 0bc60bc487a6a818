import WebSocket from 'ws';

/**
 * The frames one client's socket holds back in each direction until the test lets them go, so
 * that a seeded test decides when each remote update reaches each editor, and when each local
 * one reaches the server.
 */
export class FrameGate {
  /** An open gate holds nothing: every frame goes through at once. */
  readonly open: boolean;
  readonly inbound: WebSocket.MessageEvent[] = [];
  readonly outbound: Uint8Array[] = [];
  deliverInbound: (event: WebSocket.MessageEvent) => void = () => {};

  constructor(options: { open?: boolean } = {}) {
    this.open = options.open ?? false;
  }
  /** Sends a frame on the socket; false when the socket is not open (the frame is dropped). */
  sendOutbound: (frame: Uint8Array) => boolean = () => false;
  /** Told of each frame the client hands its socket, before it is held. */
  onQueued: (frame: Uint8Array) => void = () => {};
  /** Told of each frame that went to the server. */
  onSent: (frame: Uint8Array) => void = () => {};

  /** Hands up to `count` held frames from the server to the client, oldest first. */
  releaseInbound(count = Number.POSITIVE_INFINITY): number {
    let released = 0;
    while (released < count && this.inbound.length > 0) {
      const event = this.inbound.shift();
      if (event) this.deliverInbound(event);
      released++;
    }
    return released;
  }

  /** Sends up to `count` held frames from the client to the server, oldest first. */
  releaseOutbound(count = Number.POSITIVE_INFINITY): number {
    let released = 0;
    while (released < count && this.outbound.length > 0) {
      const frame = this.outbound.shift();
      if (frame && this.sendOutbound(frame)) this.onSent(frame);
      released++;
    }
    return released;
  }

  get held(): number {
    return this.inbound.length + this.outbound.length;
  }
}

/**
 * A `ws` WebSocket class for the stock y-websocket provider that presents the session cookie and
 * the page's Origin, as a browser does, and holds every frame in `gate` until released.
 */
export function heldSocket(cookie: string, origin: string, gate: FrameGate) {
  return class HeldSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { Cookie: cookie, Origin: origin } });
      let handler: ((event: WebSocket.MessageEvent) => void) | null = null;
      // The provider assigns `onmessage`; keep its handler and call it when the gate says so.
      Object.defineProperty(this, 'onmessage', {
        configurable: true,
        get: () => handler,
        set: (next: ((event: WebSocket.MessageEvent) => void) | null) => {
          handler = next;
        },
      });
      gate.deliverInbound = (event) => handler?.(event);
      gate.sendOutbound = (frame) => {
        if (this.readyState !== WebSocket.OPEN) return false;
        super.send(frame);
        return true;
      };
      this.addEventListener('message', (event) => {
        gate.inbound.push(event);
        if (gate.open) gate.releaseInbound();
      });
    }

    override send(frame: Uint8Array): void {
      gate.onQueued(frame);
      gate.outbound.push(frame);
      if (gate.open) gate.releaseOutbound();
    }
  };
}
