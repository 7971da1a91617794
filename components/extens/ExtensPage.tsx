/**
 * "Extens och statistik": the weekly comparison of an Extens extract with UKA's register (the SCB file), and the
 * half-year statistics of one or two SCB files. Files are read in a Web Worker with a progress bar and a cancel
 * button. Nothing personal is stored: only the column mapping (by header names) is saved; names, phone numbers and
 * addresses stay in this page's memory.
 */
import { CompareSection } from './CompareSection';
import type { ExtensPageProps } from './shared';
import { StatsSection } from './StatsSection';

export type { ExtensPageProps } from './shared';

export function ExtensPage(props: ExtensPageProps) {
  return (
    <main class="extens" id="main">
      <h1>Extens och statistik</h1>
      <p class="muted no-print">
        Allt räknas fram här i webbläsaren ur filerna du väljer. Inga personuppgifter sparas: bara kolumnmappningen (vilken
        rubrik som betyder vad) sparas, så att den kan användas igen nästa vecka.
      </p>
      <CompareSection {...props} />
      <StatsSection {...props} />
    </main>
  );
}
