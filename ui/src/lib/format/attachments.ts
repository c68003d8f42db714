import type { Attachment } from "$lib/bindings/Attachment";

// Image types that cannot carry script (never SVG, never HTML), whatever the sender declared.
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A data: URL for an attachment's bytes when it is an allowed image; null otherwise. */
export function imageUrl(a: Attachment): string | null {
  const type = a.content_type.toLowerCase();
  if (!IMAGE_TYPES.has(type) || !a.data_b64 || !BASE64.test(a.data_b64)) return null;
  return `data:${type};base64,${a.data_b64}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
