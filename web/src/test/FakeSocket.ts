/** A WebSocket stand-in for component tests: records what the client sends, and plays the server's part. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  static latest(): FakeSocket {
    return FakeSocket.instances[FakeSocket.instances.length - 1];
  }

  static create = (url: string) => new FakeSocket(url) as unknown as WebSocket;

  send(frame: string) {
    this.sent.push(JSON.parse(frame) as Record<string, unknown>);
  }

  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
  }

  /** The server accepts the connection. */
  open() {
    this.onopen?.(new Event('open'));
  }

  /** The server sends `{"event": event, "data": data}`. */
  receive(event: string, data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ event, data }) }));
  }

  /** The connection ends (the server closed it or the network dropped it). */
  drop(code = 1006, reason = '') {
    this.onclose?.({ code, reason } as CloseEvent);
  }

  /** Opens and authenticates as the server does for a valid token. */
  accept() {
    this.open();
    this.receive('authenticated', { username: 'admin', role: 'admin' });
  }

  ops(op: string) {
    return this.sent.filter((frame) => frame.op === op);
  }
}
