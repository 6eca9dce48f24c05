/** Saving a file in the browser: console exports (tracing, the outbreak report) and the guard queue file. */

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for a slow phone to start the download of a large file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
