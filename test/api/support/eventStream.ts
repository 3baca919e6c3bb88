/**
 * Reads a server-sent events response in a test: log in as a demo user,
 * open the stream, and wait for the next event (the condition, never a
 * clock). `close()` cancels the request.
 */
export interface SseEvent {
  event: string;
  data: any;
}

export interface EventReader {
  status: number;
  contentType: string;
  /** The next event not yet taken (waits for it). */
  next(): Promise<SseEvent>;
  close(): Promise<void>;
}

/** Opens `path` as `user` (password demo) and reads its events. */
export async function openEvents(base: string, user: string, path = '/api/task-events'): Promise<EventReader> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'lifeline' }, body: JSON.stringify({ username: user, password: 'demo' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const controller = new AbortController();
  const response = await fetch(base + path, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parse = (block: string): SseEvent | undefined => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    return data.length ? { event, data: JSON.parse(data.join('\n')) } : undefined;
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parse(block);
          if (event) return event;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    async close() {
      controller.abort();
      await reader.cancel().catch(() => {});
    },
  };
}
