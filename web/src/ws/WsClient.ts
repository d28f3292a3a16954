/** The connection as the header's indicator shows it. */
export type WsStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface WsConnectionState {
  status: WsStatus;
  /** Reconnection attempts since the connection was last up. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while reconnecting. */
  retryAt: number | null;
  /** The last error the server sent or the last close reason. */
  lastError: string | null;
}

/** A handler of one channel's events: the event's `data` and its name. */
export type WsListener = (data: any, event: string) => void;

export interface WsClientOptions {
  /** ws:// or wss:// address of /ws. */
  url: string;
  /** The current access token. */
  token: () => string | null;
  /** Renews the access token after the server refused it; false when the session is over. */
  renewToken: () => Promise<boolean>;
  onStateChange?: (state: WsConnectionState) => void;
  createSocket?: (url: string) => WebSocket;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

interface Frame {
  event: string;
  data: any;
}

const MAX_QUEUED_LOGS = 50;

/** The channel a price_update belongs to, as the server names it (lower-case exchange, upper-case symbol). */
export function priceChannel(exchange: string, symbol: string) {
  return `price_update:${exchange.toLowerCase()}:${symbol.toUpperCase()}`;
}

/**
 * The dashboard's one connection to /ws: authenticates with an `auth` frame (the token stays out
 * of URLs and access logs), reconnects with exponential backoff, subscribes again to every channel
 * someone listens to, renews the token when the server refuses it, and sends front-end log events
 * (queued while disconnected).
 */
export class WsClient {
  private readonly options: Required<Omit<WsClientOptions, 'onStateChange'>> & Pick<WsClientOptions, 'onStateChange'>;
  private readonly listeners = new Map<string, Set<WsListener>>();
  private readonly queuedLogs: string[] = [];
  private socket: WebSocket | null = null;
  private running = false;
  private authenticated = false;
  private authRefused = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lostAt: number | null = null;
  private state: WsConnectionState = { status: 'idle', attempt: 0, retryAt: null, lastError: null };

  constructor(options: WsClientOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url),
      minBackoffMs: 500,
      maxBackoffMs: 30_000,
      ...options,
    };
  }

  get connection(): WsConnectionState {
    return this.state;
  }

  start() {
    if (!this.running) {
      this.running = true;
      this.connect();
    }
  }

  stop() {
    this.running = false;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    this.authenticated = false;
    socket?.close(1000, 'signed out');
    this.update({ status: 'stopped', attempt: 0, retryAt: null });
  }

  /** Listens to a channel (`opportunity`, `price_update:binance:BTCUSDT`, …); returns the unsubscribe. */
  subscribe(channel: string, listener: WsListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.sendIfAuthenticated({ op: 'subscribe', channels: [channel] });
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(channel);
      if (current?.delete(listener) && current.size === 0) {
        this.listeners.delete(channel);
        this.sendIfAuthenticated({ op: 'unsubscribe', channels: [channel] });
      }
    };
  }

  /** Sends a front-end log event (`{"op":"log"}`), at once or after the next connection. */
  log(event: string, data: Record<string, unknown>) {
    const frame = JSON.stringify({ op: 'log', event, data });
    if (this.authenticated && this.socket) {
      this.socket.send(frame);
      return;
    }
    this.queuedLogs.push(frame);
    if (this.queuedLogs.length > MAX_QUEUED_LOGS) {
      this.queuedLogs.shift();
    }
  }

  /** Presents a renewed token on the open socket. */
  reauthenticate() {
    const token = this.options.token();
    if (this.authenticated && this.socket && token) {
      this.socket.send(JSON.stringify({ op: 'auth', token }));
    }
  }

  private connect() {
    this.timer = null;
    this.update({ status: this.state.attempt === 0 ? 'connecting' : 'reconnecting', retryAt: null });
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    this.authenticated = false;
    this.authRefused = false;
    socket.onopen = () => socket.send(JSON.stringify({ op: 'auth', token: this.options.token() ?? '' }));
    socket.onmessage = (message: MessageEvent) => {
      if (this.socket === socket) {
        this.receive(JSON.parse(String(message.data)) as Frame);
      }
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket === socket) {
        this.socket = null;
        this.authenticated = false;
        void this.lost(event);
      }
    };
  }

  private receive(frame: Frame) {
    switch (frame.event) {
      case 'authenticated':
        if (!this.authenticated) {
          this.connected();
        }
        return;
      case 'error':
        if (frame.data?.code === 'UNAUTHORIZED' && !this.authenticated) {
          this.authRefused = true;
        }
        this.update({ lastError: `${frame.data?.code}: ${frame.data?.message}` });
        return;
      case 'subscribed':
      case 'unsubscribed':
        return;
      default: {
        const channel = frame.event === 'price_update' ? priceChannel(frame.data.exchange, frame.data.symbol) : frame.event;
        this.listeners.get(channel)?.forEach((listener) => listener(frame.data, frame.event));
      }
    }
  }

  private connected() {
    this.authenticated = true;
    const attempts = this.state.attempt;
    this.update({ status: 'connected', attempt: 0, retryAt: null, lastError: null });
    if (this.listeners.size > 0) {
      this.sendIfAuthenticated({ op: 'subscribe', channels: [...this.listeners.keys()] });
    }
    for (const frame of this.queuedLogs.splice(0)) {
      this.socket?.send(frame);
    }
    if (this.lostAt !== null) {
      this.log('connection_restored', { attempts, downMs: Date.now() - this.lostAt });
      this.lostAt = null;
    }
  }

  private async lost(event: CloseEvent) {
    if (!this.running) {
      return;
    }
    if (this.state.status === 'connected') {
      this.lostAt = Date.now();
      this.log('connection_lost', { code: event.code, reason: event.reason });
    }
    if (this.authRefused && !(await this.options.renewToken())) {
      this.running = false;
      this.update({ status: 'stopped', retryAt: null, lastError: 'UNAUTHORIZED: the session has ended' });
      return;
    }
    if (!this.running) {
      return;
    }
    const attempt = this.state.attempt + 1;
    const delay = Math.min(this.options.maxBackoffMs, this.options.minBackoffMs * 2 ** (attempt - 1));
    this.update({
      status: 'reconnecting',
      attempt,
      retryAt: Date.now() + delay,
      lastError: this.state.lastError ?? (event.reason ? `closed: ${event.reason}` : `closed (${event.code})`),
    });
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private sendIfAuthenticated(op: object) {
    if (this.authenticated && this.socket) {
      this.socket.send(JSON.stringify(op));
    }
  }

  private clearTimer() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private update(change: Partial<WsConnectionState>) {
    this.state = { ...this.state, ...change };
    this.options.onStateChange?.(this.state);
  }
}
