/**
 * Swedish messages for zod issues: a path like `sections[3].links[0]` and a reason. Shared by the metodbokspaket's
 * schema and the UKA profile schema.
 */
import type { z } from 'zod';

/** `["sections", 3, "links", 0]` → `sections[3].links[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'en lista';
  switch (typeof v) {
    case 'string':
      return 'en text';
    case 'number':
      return 'ett tal';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'ett objekt';
    default:
      return typeof v;
  }
}

const EXPECTED_SV: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
};

export function issueMessage(issue: z.core.$ZodIssue): string {
  const hasInput = 'input' in issue;
  const input = hasInput ? (issue as { input?: unknown }).input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'saknas (obligatoriskt fält)';
      // Custom messages (from { error }) win when they exist, but say what was found.
      return `ska vara ${EXPECTED_SV[issue.expected] ?? issue.expected}, inte ${describeValue(input)}`;
    case 'unrecognized_keys':
      return `okänt fält: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      if (input === undefined) return 'saknas (obligatoriskt fält)';
      if (issue.values.length === 1) return `ska vara ${JSON.stringify(issue.values[0])}, inte ${JSON.stringify(input)}`;
      return issue.message.startsWith('Invalid') ? `ogiltigt värde ${JSON.stringify(input)}` : `${issue.message} (fick ${JSON.stringify(input)})`;
    default:
      return issue.message;
  }
}
