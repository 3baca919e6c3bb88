/** The rehearsal a designer left running for a process, so Rehearse mode finds it again (per user, in local storage). */
const key = (userId: string, processKey: string) => `lifeline.rehearsal.${userId}.${processKey}`;

export function rememberedRehearsal(userId: string, processKey: string): string | undefined {
  return localStorage.getItem(key(userId, processKey)) ?? undefined;
}

export function rememberRehearsal(userId: string, processKey: string, id: string): void {
  localStorage.setItem(key(userId, processKey), id);
}

export function forgetRehearsal(userId: string, processKey: string): void {
  localStorage.removeItem(key(userId, processKey));
}
