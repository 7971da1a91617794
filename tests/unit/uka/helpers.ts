import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { GroundTruth } from '../../fixtures/uka/server';

export const VARIANTS = ['2024', '2026'] as const;

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function page(variant: string, name: string): Document {
  return parse(readFileSync(new URL(`../../fixtures/uka/pages/${variant}/${name}.html`, import.meta.url), 'utf8'));
}

export function pageHtml(variant: string, name: string): string {
  return readFileSync(new URL(`../../fixtures/uka/pages/${variant}/${name}.html`, import.meta.url), 'utf8');
}

export interface SavedTruth {
  options: { youths: number };
  savedPersonIds: number[];
  truth: GroundTruth;
  afterFixAllRed: { kindCounts: Record<string, number>; anyRed: boolean };
}

export function truth(variant: string): SavedTruth {
  return JSON.parse(readFileSync(new URL(`../../fixtures/uka/pages/${variant}/truth.json`, import.meta.url), 'utf8')) as SavedTruth;
}
