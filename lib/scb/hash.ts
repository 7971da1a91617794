/** SHA-256 of the exact bytes, as lowercase hex. Uses crypto.subtle (pages, service workers, Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const out = new Uint8Array(digest);
  let hex = '';
  for (let i = 0; i < out.length; i++) hex += (out[i] as number).toString(16).padStart(2, '0');
  return hex;
}
