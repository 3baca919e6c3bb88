/**
 * A server-sent events response on koa: the headers that keep proxies from
 * buffering or caching it, `event:`/`data:` framing, a comment line every
 * `heartbeatMs` so idle connections are not cut by proxies, and an end when
 * the client goes away, the server stops, or the client stops reading
 * (a stream that backs up past `maxBufferedBytes` is ended; the browser's
 * EventSource reconnects by itself).
 */
import type Koa from 'koa';

export interface EventStream {
  /** Sends one event (data as JSON). */
  send(event: string, data: unknown): void;
  /** Ends the response. */
  end(): void;
  /** Called once when the stream ends, for whatever reason. */
  onEnd(listener: () => void): void;
}

export interface EventStreamOptions {
  heartbeatMs?: number;
  maxBufferedBytes?: number;
  /** Milliseconds the browser waits before reconnecting after the stream ends. */
  retryMs?: number;
}

/**
 * Turns the koa response into an event stream (status 200, text/event-stream).
 * koa steps aside (`respond = false`) and the stream writes to Node's
 * response itself: a client going away is the normal end of an event
 * stream, not an error for koa to log.
 */
export function openEventStream(ctx: Koa.Context, options: EventStreamOptions = {}): EventStream {
  const maxBuffered = options.maxBufferedBytes ?? 64 * 1024;
  const res = ctx.res;
  const endListeners: (() => void)[] = [];
  let ended = false;

  ctx.status = 200;
  ctx.respond = false;
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });

  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    res.end();
    endListeners.splice(0).forEach((listener) => listener());
  };
  const write = (text: string) => {
    if (ended) return;
    if (res.writableLength > maxBuffered) return end();
    res.write(text);
  };
  const heartbeat = setInterval(() => write(': still here\n\n'), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  res.on('close', end);
  res.on('error', end);
  write(`retry: ${options.retryMs ?? 3000}\n\n`);

  return {
    send(event, data) {
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end,
    onEnd(listener) {
      if (ended) listener();
      else endListeners.push(listener);
    },
  };
}
