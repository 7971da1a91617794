/** Reading the file chosen for an import on the options page (metodbok pack, UKA profile). */

export type ChosenFile = { ok: true; text: string } | { ok: false; message: string } | null;

/**
 * The text of the file chosen in the event's file input: null when none was chosen, a message when it is larger than
 * `maxBytes` or cannot be read. The input is cleared, so that the same file can be chosen again after a fix. Call it
 * before any await in the event handler (the event's target is gone after the handler's first pause).
 */
export async function chosenFileText(e: Event, maxBytes: number, tooLarge: (kB: number) => string): Promise<ChosenFile> {
  const input = e.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return null;
  try {
    if (file.size > maxBytes) return { ok: false, message: tooLarge(Math.ceil(file.size / 1024)) };
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: 'Filen kunde inte läsas.' };
  } finally {
    input.value = '';
  }
}
