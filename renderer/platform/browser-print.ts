/*
 * Printing in the browser mode: the current page through window.print(), or a given HTML document
 * through a hidden, sandboxed iframe (no scripts: it only lays out party-supplied text). The browser
 * does not say whether the user cancelled, so a shown dialog counts as printed.
 */

/** Prints `html` (or the current page when undefined); resolves once the print dialog has closed. */
export async function printDocument(doc: Document, html: string | undefined): Promise<boolean> {
  const view = doc.defaultView;
  if (view === null) return false;
  if (html === undefined) {
    view.print();
    return true;
  }
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.style.visibility = 'hidden';
  const loaded = new Promise<void>((resolve) => {
    frame.addEventListener(
      'load',
      () => {
        resolve();
      },
      { once: true },
    );
  });
  frame.srcdoc = html;
  doc.body.append(frame);
  try {
    await loaded;
    const win = frame.contentWindow;
    if (win === null) return false;
    win.focus();
    win.print();
    return true;
  } finally {
    frame.remove();
  }
}
