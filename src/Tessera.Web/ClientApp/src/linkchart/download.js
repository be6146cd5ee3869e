// Browser downloads of what the link chart exports (PNG from the canvas, GraphML from the server).

/** Saves text as a file through a temporary object URL. */
export function download(fileName, mimeType, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  try {
    downloadUrl(fileName, url);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** Saves a data: URL (cy.png output) as a file. */
export function downloadDataUrl(fileName, dataUrl) {
  downloadUrl(fileName, dataUrl);
}

function downloadUrl(fileName, url) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
