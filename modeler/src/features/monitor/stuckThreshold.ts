/**
 * "Stuck": a running instance with no step for longer than a threshold the
 * manager sets. Remembered per user in this browser (local storage), and
 * sent to the server as an ISO 8601 duration.
 */
import { useEffect, useState } from 'preact/hooks';

export type ThresholdUnit = 'minutes' | 'hours' | 'days';

export interface Threshold {
  amount: number;
  unit: ThresholdUnit;
}

export const DEFAULT_THRESHOLD: Threshold = { amount: 1, unit: 'days' };

/** PT30M, PT4H, P2D. */
export function toDuration({ amount, unit }: Threshold): string {
  return unit === 'days' ? `P${amount}D` : `PT${amount}${unit === 'hours' ? 'H' : 'M'}`;
}

/** The threshold a duration of toDuration's form stands for. */
export function fromDuration(duration: string | null | undefined): Threshold | undefined {
  const match = /^P(?:(\d+)D|T(\d+)([HM]))$/.exec(duration ?? '');
  if (!match) return undefined;
  if (match[1]) return { amount: Number(match[1]), unit: 'days' };
  return { amount: Number(match[2]), unit: match[3] === 'H' ? 'hours' : 'minutes' };
}

/** "4 hours", "1 day", "30 minutes". */
export function describeThreshold({ amount, unit }: Threshold): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

const key = (userId: string) => `lifeline.monitor.stuckAfter.${userId}`;
const listeners = new Set<() => void>();

function read(userId: string): Threshold {
  try {
    return fromDuration(localStorage.getItem(key(userId))) ?? DEFAULT_THRESHOLD;
  } catch {
    return DEFAULT_THRESHOLD;
  }
}

/** The user's threshold and a setter that remembers it (every component using it re-renders). */
export function useStuckThreshold(userId: string): [Threshold, (threshold: Threshold) => void] {
  const [threshold, setThreshold] = useState(() => read(userId));
  useEffect(() => {
    const listener = () => setThreshold(read(userId));
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [userId]);
  const remember = (next: Threshold) => {
    try {
      localStorage.setItem(key(userId), toDuration(next));
    } catch {
      // storage full or disabled: the threshold still holds for this page
    }
    setThreshold(next);
    listeners.forEach((listener) => listener());
  };
  return [threshold, remember];
}
