/**
 * The DOM of a map popup, built with text nodes only: the filled template goes in through
 * `textContent`, so markup in a value or a template is shown as characters, never run. Pass the
 * element to maplibre's `Popup.setDOMContent` (never `setHTML`).
 *
 * @example popup.setDOMContent(popupContent(document, 'Hải Châu: PM2.5 41', 'Details', openPanel))
 */
export function popupContent(
  doc: Document,
  text: string,
  detailsLabel: string,
  onDetails: () => void,
): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'lc-popup';
  root.setAttribute('data-testid', 'popup');
  const body = doc.createElement('p');
  body.className = 'lc-popup__text';
  body.textContent = text;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'lc-button lc-button--small';
  button.textContent = detailsLabel;
  button.addEventListener('click', onDetails);
  root.append(body, button);
  return root;
}
