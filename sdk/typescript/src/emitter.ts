/** A small typed event emitter with an async iterator over everything emitted under one name. */

export type Listener = (value: any) => void;

export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  /** Calls `listener` for every `event`. Returns this, so calls chain. */
  on<K extends keyof Events & string>(event: K, listener: (value: Events[K]) => void): this;
  on(event: string, listener: (value: any) => void): this;
  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  once<K extends keyof Events & string>(event: K, listener: (value: Events[K]) => void): this;
  once(event: string, listener: (value: any) => void): this;
  once(event: string, listener: Listener): this {
    const wrapper = (value: unknown) => {
      this.off(event, wrapper);
      listener(value);
    };
    return this.on(event, wrapper);
  }

  protected emit(event: string, value?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(value);
      } catch (error) {
        // A listener's own failure must not break the socket's reading; report it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  protected hasListeners(event: string): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }
}

/** A queue that an async iterator drains: values pushed before the consumer asks are kept. */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private ended = false;
  private failure: unknown;

  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value, done: false });
    else this.values.push(value);
  }

  end(failure?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = failure;
    for (const waiter of this.waiting.splice(0)) {
      waiter({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.values.length) {
      return Promise.resolve({ value: this.values.shift() as T, done: false });
    }
    if (this.ended) {
      return this.failure ? Promise.reject(this.failure) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
