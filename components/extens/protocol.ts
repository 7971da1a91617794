/** Messages between the "Extens och statistik" page and its Web Worker (structured-cloned; nothing is stored). */
import type { Comparison } from '../../lib/extens/compare';
import type { ExtensMapping } from '../../lib/extens/mapping';
import type { Encoding, Separator } from '../../lib/extens/parse';
import type { StatsResult } from '../../lib/stats/stats';
import type { HalfYear, IsoDate } from '../../lib/domain/dates';

export type WorkerRequest =
  | { kind: 'compare'; extract: ArrayBuffer; map: ExtensMapping; hasHeader: boolean; register: ArrayBuffer; date: IsoDate; kommun: string }
  | { kind: 'stats'; files: ArrayBuffer[]; period: HalfYear; kommun?: string };

export interface CompareSummary {
  encoding: Encoding;
  separator: Separator;
  rows: number;
  persons: number;
  registerUnreadableLines: number[];
}

export type WorkerResponse =
  | { kind: 'progress'; share: number; stage: string }
  | { kind: 'compared'; comparison: Comparison; summary: CompareSummary }
  | { kind: 'stats'; results: StatsResult[] }
  | { kind: 'failed'; message: string };
