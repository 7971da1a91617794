/** Importing a file on the options page (metodbok pack, UKA profile): reading the chosen file, and the section's state around it. */
import { useState } from 'preact/hooks';

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

/** A problem with an imported file, with its place in the file ('' for the whole file). */
export interface FileIssue {
  path: string;
  message: string;
}

/**
 * The state an import section shows (its errors, its message, busy) and the two ways it changes: `run` an action
 * with the section busy and the last errors cleared; `importFile` the chosen file: too large or unreadable is one
 * error; otherwise `handle` gets its text (a throw there is "Filen kunde inte läsas.").
 */
export function useFileImport<E extends FileIssue>() {
  const [errors, setErrors] = useState<E[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors([]);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const importFile = (e: Event, maxBytes: number, tooLarge: (kB: number) => string, handle: (text: string) => Promise<void>) => {
    const chosen = chosenFileText(e, maxBytes, tooLarge);
    setMessage('');
    return run(async () => {
      const file = await chosen;
      if (!file) return;
      if (!file.ok) return setErrors([{ path: '', message: file.message } as E]);
      try {
        await handle(file.text);
      } catch {
        setErrors([{ path: '', message: 'Filen kunde inte läsas.' } as E]);
      }
    });
  };

  return { errors, setErrors, message, setMessage, busy, run, importFile };
}
