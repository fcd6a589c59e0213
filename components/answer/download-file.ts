/**
 * Saves text as a file from an extension page: a Blob behind an object URL, clicked through
 * an <a download>. No `downloads` permission is needed for that, and nothing leaves the machine.
 */
export function downloadText(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: Firefox reads the blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
