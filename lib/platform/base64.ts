/**
 * Bytes as base64 and back, for carrying a file in a message between a page script and the background (messages are
 * JSON in Chromium: a Uint8Array would not arrive as bytes). The page side lets the browser encode (FileReader).
 */

/** A Blob or File as base64 (the data URL's prefix dropped). */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(new Error('filen kunde inte läsas'));
    reader.readAsDataURL(blob);
  });
}

/** Base64 → bytes; null when it is not base64. */
export function fromBase64(data: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
