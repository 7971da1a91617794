/** Largest file the upload check on SCB's page takes: its base64 must fit in one message to the background. */
export const MAX_UPLOAD_CHECK_BYTES = 40 * 1024 * 1024;
